package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.16 SMB2 CLOSE Response.
 *
 * @param flags Flags: SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB when the attributes below are valid
 * @param creationTime CreationTime
 * @param lastAccessTime LastAccessTime
 * @param lastWriteTime LastWriteTime
 * @param changeTime ChangeTime
 * @param allocationSize AllocationSize
 * @param endOfFile EndofFile
 * @param fileAttributes FileAttributes
 */
public record CloseResponse(
        int flags,
        long creationTime,
        long lastAccessTime,
        long lastWriteTime,
        long changeTime,
        long allocationSize,
        long endOfFile,
        int fileAttributes) implements Smb2Response {
    @Override
    public Command command() {
        return Command.CLOSE;
    }
}
