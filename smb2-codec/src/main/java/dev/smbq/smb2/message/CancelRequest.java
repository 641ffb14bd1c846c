package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.30 SMB2 CANCEL Request.
 */
public record CancelRequest() implements Smb2Request {
    @Override
    public Command command() {
        return Command.CANCEL;
    }
}
