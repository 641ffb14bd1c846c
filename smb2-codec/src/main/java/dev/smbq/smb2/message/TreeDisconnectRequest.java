package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.11 SMB2 TREE_DISCONNECT Request.
 */
public record TreeDisconnectRequest() implements Smb2Request {
    @Override
    public Command command() {
        return Command.TREE_DISCONNECT;
    }
}
