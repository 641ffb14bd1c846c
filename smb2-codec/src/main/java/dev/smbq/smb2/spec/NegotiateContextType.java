package dev.smbq.smb2.spec;

/** The ContextType of a negotiate context ([MS-SMB2] 2.2.3.1). */
public record NegotiateContextType(int code) implements SpecCode {
    private static final CodeNames NAMES = new CodeNames();

    public static final NegotiateContextType PREAUTH_INTEGRITY_CAPABILITIES = new NegotiateContextType(NAMES.register(0x0001, "SMB2_PREAUTH_INTEGRITY_CAPABILITIES"));
    public static final NegotiateContextType ENCRYPTION_CAPABILITIES = new NegotiateContextType(NAMES.register(0x0002, "SMB2_ENCRYPTION_CAPABILITIES"));
    public static final NegotiateContextType COMPRESSION_CAPABILITIES = new NegotiateContextType(NAMES.register(0x0003, "SMB2_COMPRESSION_CAPABILITIES"));
    public static final NegotiateContextType NETNAME_NEGOTIATE_CONTEXT_ID = new NegotiateContextType(NAMES.register(0x0005, "SMB2_NETNAME_NEGOTIATE_CONTEXT_ID"));
    public static final NegotiateContextType TRANSPORT_CAPABILITIES = new NegotiateContextType(NAMES.register(0x0006, "SMB2_TRANSPORT_CAPABILITIES"));
    public static final NegotiateContextType RDMA_TRANSFORM_CAPABILITIES = new NegotiateContextType(NAMES.register(0x0007, "SMB2_RDMA_TRANSFORM_CAPABILITIES"));
    public static final NegotiateContextType SIGNING_CAPABILITIES = new NegotiateContextType(NAMES.register(0x0008, "SMB2_SIGNING_CAPABILITIES"));
    public static final NegotiateContextType RESERVED = new NegotiateContextType(NAMES.register(0x0100, "SMB2_CONTEXTTYPE_RESERVED"));

    public NegotiateContextType {
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
