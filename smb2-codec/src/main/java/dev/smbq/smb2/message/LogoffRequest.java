package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.7 SMB2 LOGOFF Request.
 */
public record LogoffRequest() implements Smb2Request {
    @Override
    public Command command() {
        return Command.LOGOFF;
    }
}
