package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.28 SMB2 ECHO Request.
 */
public record EchoRequest() implements Smb2Request {
    @Override
    public Command command() {
        return Command.ECHO;
    }
}
