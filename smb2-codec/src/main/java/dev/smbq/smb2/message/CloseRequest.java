package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.15 SMB2 CLOSE Request.
 *
 * @param flags Flags: SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB 0x0001
 * @param fileId FileId
 */
public record CloseRequest(int flags, FileId fileId) implements Smb2Request {
    public static final int FLAG_POSTQUERY_ATTRIB = 0x0001;

    public CloseRequest {
        java.util.Objects.requireNonNull(fileId, "fileId");
    }

    @Override
    public Command command() {
        return Command.CLOSE;
    }
}
