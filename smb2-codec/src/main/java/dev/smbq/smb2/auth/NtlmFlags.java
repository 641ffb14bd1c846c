package dev.smbq.smb2.auth;


/** NegotiateFlags of NTLM messages ([MS-NLMP] 2.2.2.5), the ones this implementation reads or sets. */
public final class NtlmFlags {
    public static final int UNICODE = 0x00000001;
    public static final int OEM = 0x00000002;
    public static final int REQUEST_TARGET = 0x00000004;
    public static final int SIGN = 0x00000010;
    public static final int SEAL = 0x00000020;
    public static final int LM_KEY = 0x00000080;
    public static final int NTLM = 0x00000200;
    public static final int ANONYMOUS = 0x00000800;
    public static final int ALWAYS_SIGN = 0x00008000;
    public static final int TARGET_TYPE_DOMAIN = 0x00010000;
    public static final int TARGET_TYPE_SERVER = 0x00020000;
    public static final int EXTENDED_SESSIONSECURITY = 0x00080000;
    public static final int TARGET_INFO = 0x00800000;
    public static final int VERSION = 0x02000000;
    public static final int NEGOTIATE_128 = 0x20000000;
    public static final int KEY_EXCH = 0x40000000;
    public static final int NEGOTIATE_56 = 0x80000000;

    /** What this implementation asks for and grants: NTLMv2 with extended session security and key exchange. */
    public static final int SUPPORTED = UNICODE | REQUEST_TARGET | SIGN | NTLM | ALWAYS_SIGN
            | EXTENDED_SESSIONSECURITY | TARGET_INFO | VERSION | NEGOTIATE_128 | KEY_EXCH | NEGOTIATE_56;

    private NtlmFlags() {
    }

    static boolean has(int flags, int flag) {
        return (flags & flag) == flag;
    }

}
