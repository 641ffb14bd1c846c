package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.6 SMB2 SESSION_SETUP Response.
 *
 * @param sessionFlags SessionFlags: IS_GUEST 0x1, IS_NULL 0x2, ENCRYPT_DATA 0x4
 * @param securityBuffer the GSS (SPNEGO) token
 */
public record SessionSetupResponse(int sessionFlags, Bytes securityBuffer) implements Smb2Response {
    public static final int FLAG_IS_GUEST = 0x0001;
    public static final int FLAG_IS_NULL = 0x0002;
    public static final int FLAG_ENCRYPT_DATA = 0x0004;

    public SessionSetupResponse {
        java.util.Objects.requireNonNull(securityBuffer, "securityBuffer");
    }

    @Override
    public Command command() {
        return Command.SESSION_SETUP;
    }
}
