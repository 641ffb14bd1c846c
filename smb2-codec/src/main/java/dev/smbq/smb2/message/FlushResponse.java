package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.18 SMB2 FLUSH Response.
 */
public record FlushResponse() implements Smb2Response {
    @Override
    public Command command() {
        return Command.FLUSH;
    }
}
