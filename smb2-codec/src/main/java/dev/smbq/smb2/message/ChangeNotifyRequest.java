package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.35 SMB2 CHANGE_NOTIFY Request.
 *
 * @param flags Flags: SMB2_WATCH_TREE 0x0001
 * @param outputBufferLength OutputBufferLength
 * @param fileId FileId of the directory
 * @param completionFilter CompletionFilter
 */
public record ChangeNotifyRequest(int flags, long outputBufferLength, FileId fileId, int completionFilter) implements Smb2Request {
    public ChangeNotifyRequest {
        java.util.Objects.requireNonNull(fileId, "fileId");
    }

    @Override
    public Command command() {
        return Command.CHANGE_NOTIFY;
    }
}
