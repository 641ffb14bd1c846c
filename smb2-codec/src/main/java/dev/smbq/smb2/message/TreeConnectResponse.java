package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.10 SMB2 TREE_CONNECT Response.
 *
 * @param shareType ShareType: DISK 0x01, PIPE 0x02, PRINT 0x03
 * @param shareFlags ShareFlags (caching policy, DFS, ENCRYPT_DATA 0x8000, ...)
 * @param capabilities Capabilities (DFS, CONTINUOUS_AVAILABILITY, ...)
 * @param maximalAccess MaximalAccess: the access mask the user has on the share
 */
public record TreeConnectResponse(int shareType, int shareFlags, int capabilities, int maximalAccess) implements Smb2Response {
    public static final int SHARE_TYPE_DISK = 0x01;
    public static final int SHARE_TYPE_PIPE = 0x02;
    public static final int SHARE_TYPE_PRINT = 0x03;
    public static final int SHAREFLAG_ENCRYPT_DATA = 0x00008000;

    @Override
    public Command command() {
        return Command.TREE_CONNECT;
    }
}
