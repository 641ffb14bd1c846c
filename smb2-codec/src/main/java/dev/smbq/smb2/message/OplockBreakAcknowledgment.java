package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.24.1 Oplock Break Acknowledgment (client to server).
 *
 * @param oplockLevel OplockLevel the client accepts
 * @param fileId FileId
 */
public record OplockBreakAcknowledgment(int oplockLevel, FileId fileId) implements Smb2Request {
    public OplockBreakAcknowledgment {
        java.util.Objects.requireNonNull(fileId, "fileId");
    }

    @Override
    public Command command() {
        return Command.OPLOCK_BREAK;
    }
}
