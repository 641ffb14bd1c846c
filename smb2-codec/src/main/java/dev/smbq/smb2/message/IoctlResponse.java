package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.32 SMB2 IOCTL Response.
 *
 * @param ctlCode CtlCode
 * @param fileId FileId
 * @param flags Flags: reserved
 * @param input the input buffer echoed (usually empty)
 * @param output the output buffer
 */
public record IoctlResponse(int ctlCode, FileId fileId, int flags, Bytes input, Bytes output) implements Smb2Response {
    public IoctlResponse {
        java.util.Objects.requireNonNull(fileId, "fileId");
        java.util.Objects.requireNonNull(input, "input");
        java.util.Objects.requireNonNull(output, "output");
    }

    @Override
    public Command command() {
        return Command.IOCTL;
    }
}
