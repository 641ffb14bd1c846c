package dev.smbq.smb2.spec;

/** A pre-authentication integrity hash algorithm ([MS-SMB2] 2.2.3.1.1 HashAlgorithms). */
public record HashAlgorithm(int code) implements SpecCode {
    private static final CodeNames NAMES = new CodeNames();

    public static final HashAlgorithm SHA_512 = new HashAlgorithm(NAMES.register(0x0001, "SHA-512"));

    public HashAlgorithm {
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
