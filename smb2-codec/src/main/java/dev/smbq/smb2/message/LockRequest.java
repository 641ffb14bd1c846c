package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;
import java.util.List;

/**
 * [MS-SMB2] 2.2.26 SMB2 LOCK Request.
 *
 * @param lockSequence LockSequenceNumber (low 4 bits) and LockSequenceIndex (next 28 bits) as one ULONG
 * @param fileId FileId
 * @param locks Locks: at least one (2.2.26.1)
 */
public record LockRequest(int lockSequence, FileId fileId, List<LockElement> locks) implements Smb2Request {
    public LockRequest {
        java.util.Objects.requireNonNull(fileId, "fileId");
        locks = List.copyOf(locks);
    }

    @Override
    public Command command() {
        return Command.LOCK;
    }
}
