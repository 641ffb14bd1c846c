package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.22 SMB2 WRITE Response.
 *
 * @param count Count: bytes written
 * @param remaining Remaining: reserved, 0
 */
public record WriteResponse(long count, long remaining) implements Smb2Response {
    @Override
    public Command command() {
        return Command.WRITE;
    }
}
