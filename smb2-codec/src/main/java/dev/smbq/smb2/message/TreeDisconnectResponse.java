package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.12 SMB2 TREE_DISCONNECT Response.
 */
public record TreeDisconnectResponse() implements Smb2Response {
    @Override
    public Command command() {
        return Command.TREE_DISCONNECT;
    }
}
