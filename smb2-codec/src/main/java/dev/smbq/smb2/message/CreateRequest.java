package dev.smbq.smb2.message;

import dev.smbq.smb2.message.context.CreateContext;
import dev.smbq.smb2.spec.Command;
import java.util.List;

/**
 * [MS-SMB2] 2.2.13 SMB2 CREATE Request.
 *
 * @param securityFlags SecurityFlags: reserved, 0
 * @param requestedOplockLevel RequestedOplockLevel (NONE 0x00, II 0x01, EXCLUSIVE 0x08, BATCH 0x09, LEASE 0xFF)
 * @param impersonationLevel ImpersonationLevel
 * @param smbCreateFlags SmbCreateFlags: reserved, 0
 * @param desiredAccess DesiredAccess ([MS-SMB2] 2.2.13.1 access mask)
 * @param fileAttributes FileAttributes ([MS-FSCC] 2.6)
 * @param shareAccess ShareAccess: READ 0x1, WRITE 0x2, DELETE 0x4
 * @param createDisposition CreateDisposition: SUPERSEDE 0 .. OVERWRITE_IF 5
 * @param createOptions CreateOptions
 * @param name the path relative to the share root, without a leading separator
 * @param createContexts create contexts (2.2.13.2) in wire order
 */
public record CreateRequest(
        int securityFlags,
        int requestedOplockLevel,
        int impersonationLevel,
        long smbCreateFlags,
        int desiredAccess,
        int fileAttributes,
        int shareAccess,
        int createDisposition,
        int createOptions,
        String name,
        List<CreateContext> createContexts) implements Smb2Request {
    public CreateRequest {
        java.util.Objects.requireNonNull(name, "name");
        createContexts = List.copyOf(createContexts);
    }

    @Override
    public Command command() {
        return Command.CREATE;
    }
}
