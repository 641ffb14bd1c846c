package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.27 SMB2 LOCK Response.
 */
public record LockResponse() implements Smb2Response {
    @Override
    public Command command() {
        return Command.LOCK;
    }
}
