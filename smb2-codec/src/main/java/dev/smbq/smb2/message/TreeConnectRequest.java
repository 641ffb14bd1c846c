package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.9 SMB2 TREE_CONNECT Request.
 *
 * @param flags Flags (3.1.1): CLUSTER_RECONNECT 0x1, REDIRECT_TO_OWNER 0x2, EXTENSION_PRESENT 0x4
 * @param path the share path, e.g. {@code \\server\share}
 */
public record TreeConnectRequest(int flags, String path) implements Smb2Request {
    public TreeConnectRequest {
        java.util.Objects.requireNonNull(path, "path");
    }

    @Override
    public Command command() {
        return Command.TREE_CONNECT;
    }
}
