package dev.smbq.smb2.message;

import dev.smbq.smb2.message.context.CreateContext;
import dev.smbq.smb2.spec.Command;
import java.util.List;

/**
 * [MS-SMB2] 2.2.14 SMB2 CREATE Response.
 *
 * @param oplockLevel OplockLevel granted
 * @param flags Flags: SMB2_CREATE_FLAG_REPARSEPOINT 0x01 (3.1.1)
 * @param createAction CreateAction: SUPERSEDED 0, OPENED 1, CREATED 2, OVERWRITTEN 3
 * @param creationTime CreationTime (FILETIME)
 * @param lastAccessTime LastAccessTime (FILETIME)
 * @param lastWriteTime LastWriteTime (FILETIME)
 * @param changeTime ChangeTime (FILETIME)
 * @param allocationSize AllocationSize
 * @param endOfFile EndofFile
 * @param fileAttributes FileAttributes
 * @param fileId FileId
 * @param createContexts create contexts (2.2.14.2) in wire order
 */
public record CreateResponse(
        int oplockLevel,
        int flags,
        int createAction,
        long creationTime,
        long lastAccessTime,
        long lastWriteTime,
        long changeTime,
        long allocationSize,
        long endOfFile,
        int fileAttributes,
        FileId fileId,
        List<CreateContext> createContexts) implements Smb2Response {
    public CreateResponse {
        java.util.Objects.requireNonNull(fileId, "fileId");
        createContexts = List.copyOf(createContexts);
    }

    @Override
    public Command command() {
        return Command.CREATE;
    }
}
