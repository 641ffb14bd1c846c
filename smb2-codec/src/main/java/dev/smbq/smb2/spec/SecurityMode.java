package dev.smbq.smb2.spec;

/** The SecurityMode field of NEGOTIATE ([MS-SMB2] 2.2.3, 2.2.4) and SESSION_SETUP requests (2.2.5). */
public final class SecurityMode {
    public static final FlagNames NAMES = new FlagNames();

    public static final int SIGNING_ENABLED = NAMES.register(0x0001, "SMB2_NEGOTIATE_SIGNING_ENABLED");
    public static final int SIGNING_REQUIRED = NAMES.register(0x0002, "SMB2_NEGOTIATE_SIGNING_REQUIRED");

    private SecurityMode() {
    }
}
