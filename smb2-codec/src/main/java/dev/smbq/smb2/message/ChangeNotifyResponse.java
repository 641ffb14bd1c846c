package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.36 SMB2 CHANGE_NOTIFY Response.
 *
 * @param output FILE_NOTIFY_INFORMATION entries ([MS-FSCC] 2.7.1)
 */
public record ChangeNotifyResponse(Bytes output) implements Smb2Response {
    public ChangeNotifyResponse {
        java.util.Objects.requireNonNull(output, "output");
    }

    @Override
    public Command command() {
        return Command.CHANGE_NOTIFY;
    }
}
