package dev.smbq.smb2.spec;

/** An SMB2 dialect revision ([MS-SMB2] 2.2.3 Dialects, 2.2.4 DialectRevision). */
public record Dialect(int code) implements SpecCode {
    private static final CodeNames NAMES = new CodeNames();

    public static final Dialect SMB_2_0_2 = new Dialect(NAMES.register(0x0202, "SMB 2.0.2"));
    public static final Dialect SMB_2_1 = new Dialect(NAMES.register(0x0210, "SMB 2.1"));
    public static final Dialect SMB_3_0 = new Dialect(NAMES.register(0x0300, "SMB 3.0"));
    public static final Dialect SMB_3_0_2 = new Dialect(NAMES.register(0x0302, "SMB 3.0.2"));
    public static final Dialect SMB_3_1_1 = new Dialect(NAMES.register(0x0311, "SMB 3.1.1"));
    public static final Dialect SMB_2_WILDCARD = new Dialect(NAMES.register(0x02FF, "SMB 2.???"));

    public Dialect {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("not a USHORT: " + code);
        }
    }

    /** True for 3.0 and later: the dialects with SMB 3 signing, encryption and key derivation. */
    public boolean isSmb3() {
        return code >= SMB_3_0.code && code != SMB_2_WILDCARD.code;
    }

    public boolean isAtLeast(Dialect other) {
        return code >= other.code && code != SMB_2_WILDCARD.code;
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
