package dev.smbq.smb2.spec;

/** An SMB Direct transform ([MS-SMB2] 2.2.3.1.6 RDMATransformIds). */
public record RdmaTransformId(int code) implements SpecCode {
    private static final CodeNames NAMES = new CodeNames();

    public static final RdmaTransformId NONE = new RdmaTransformId(NAMES.register(0x0000, "SMB2_RDMA_TRANSFORM_NONE"));
    public static final RdmaTransformId ENCRYPTION = new RdmaTransformId(NAMES.register(0x0001, "SMB2_RDMA_TRANSFORM_ENCRYPTION"));
    public static final RdmaTransformId SIGNING = new RdmaTransformId(NAMES.register(0x0002, "SMB2_RDMA_TRANSFORM_SIGNING"));

    public RdmaTransformId {
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
