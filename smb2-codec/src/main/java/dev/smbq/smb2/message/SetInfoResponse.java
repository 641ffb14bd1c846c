package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.40 SMB2 SET_INFO Response.
 */
public record SetInfoResponse() implements Smb2Response {
    @Override
    public Command command() {
        return Command.SET_INFO;
    }
}
