package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.17 SMB2 FLUSH Request.
 *
 * @param fileId FileId
 */
public record FlushRequest(FileId fileId) implements Smb2Request {
    public FlushRequest {
        java.util.Objects.requireNonNull(fileId, "fileId");
    }

    @Override
    public Command command() {
        return Command.FLUSH;
    }
}
