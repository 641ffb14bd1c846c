package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.8 SMB2 LOGOFF Response.
 */
public record LogoffResponse() implements Smb2Response {
    @Override
    public Command command() {
        return Command.LOGOFF;
    }
}
