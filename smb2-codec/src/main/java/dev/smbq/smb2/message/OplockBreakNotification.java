package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.23.1 Oplock Break Notification (server to client).
 *
 * @param oplockLevel OplockLevel the open is broken to
 * @param fileId FileId
 */
public record OplockBreakNotification(int oplockLevel, FileId fileId) implements Smb2Response {
    public OplockBreakNotification {
        java.util.Objects.requireNonNull(fileId, "fileId");
    }

    @Override
    public Command command() {
        return Command.OPLOCK_BREAK;
    }
}
