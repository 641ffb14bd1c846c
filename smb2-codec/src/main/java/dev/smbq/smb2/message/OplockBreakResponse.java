package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.25.1 Oplock Break Response.
 *
 * @param oplockLevel OplockLevel granted
 * @param fileId FileId
 */
public record OplockBreakResponse(int oplockLevel, FileId fileId) implements Smb2Response {
    public OplockBreakResponse {
        java.util.Objects.requireNonNull(fileId, "fileId");
    }

    @Override
    public Command command() {
        return Command.OPLOCK_BREAK;
    }
}
