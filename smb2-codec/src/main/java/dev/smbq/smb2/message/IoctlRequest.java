package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.31 SMB2 IOCTL Request.
 *
 * @param ctlCode CtlCode: the FSCTL or IOCTL
 * @param fileId FileId (all ones for FSCTLs not bound to an open)
 * @param maxInputResponse MaxInputResponse
 * @param maxOutputResponse MaxOutputResponse
 * @param flags Flags: SMB2_0_IOCTL_IS_FSCTL 0x1
 * @param input the input buffer
 * @param output the output buffer (usually empty in requests)
 */
public record IoctlRequest(
        int ctlCode,
        FileId fileId,
        long maxInputResponse,
        long maxOutputResponse,
        int flags,
        Bytes input,
        Bytes output) implements Smb2Request {
    public static final int FLAG_IS_FSCTL = 0x00000001;
    public static final int FSCTL_VALIDATE_NEGOTIATE_INFO = 0x00140204;

    public IoctlRequest {
        java.util.Objects.requireNonNull(fileId, "fileId");
        java.util.Objects.requireNonNull(input, "input");
        java.util.Objects.requireNonNull(output, "output");
    }

    @Override
    public Command command() {
        return Command.IOCTL;
    }
}
