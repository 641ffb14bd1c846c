package dev.smbq.smb2.spec;

/** An SMB signing algorithm ([MS-SMB2] 2.2.3.1.7 SigningAlgorithms). */
public record SigningAlgorithm(int code) implements SpecCode {
    private static final CodeNames NAMES = new CodeNames();

    public static final SigningAlgorithm HMAC_SHA256 = new SigningAlgorithm(NAMES.register(0x0000, "HMAC-SHA256"));
    public static final SigningAlgorithm AES_CMAC = new SigningAlgorithm(NAMES.register(0x0001, "AES-CMAC"));
    public static final SigningAlgorithm AES_GMAC = new SigningAlgorithm(NAMES.register(0x0002, "AES-GMAC"));

    public SigningAlgorithm {
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
