package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.29 SMB2 ECHO Response.
 */
public record EchoResponse() implements Smb2Response {
    @Override
    public Command command() {
        return Command.ECHO;
    }
}
