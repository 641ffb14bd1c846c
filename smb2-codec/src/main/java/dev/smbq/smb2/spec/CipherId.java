package dev.smbq.smb2.spec;

/** An SMB 3.x encryption algorithm ([MS-SMB2] 2.2.3.1.2 Ciphers). */
public record CipherId(int code) implements SpecCode {
    private static final CodeNames NAMES = new CodeNames();

    public static final CipherId NONE = new CipherId(NAMES.register(0x0000, "No common cipher"));
    public static final CipherId AES_128_CCM = new CipherId(NAMES.register(0x0001, "AES-128-CCM"));
    public static final CipherId AES_128_GCM = new CipherId(NAMES.register(0x0002, "AES-128-GCM"));
    public static final CipherId AES_256_CCM = new CipherId(NAMES.register(0x0003, "AES-256-CCM"));
    public static final CipherId AES_256_GCM = new CipherId(NAMES.register(0x0004, "AES-256-GCM"));

    public CipherId {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("not a USHORT: " + code);
        }
    }

    public static CodeNames names() {
        return NAMES;
    }

    @Override
    public CodeNames codeNames() {
        return NAMES;
    }

    @Override
    public int hexDigits() {
        return 4;
    }

    @Override
    public String toString() {
        return describe();
    }
}
