package dev.smbq.smb2.spec;

/** A compression algorithm ([MS-SMB2] 2.2.3.1.3 CompressionAlgorithms). */
public record CompressionAlgorithm(int code) implements SpecCode {
    private static final CodeNames NAMES = new CodeNames();

    public static final CompressionAlgorithm NONE = new CompressionAlgorithm(NAMES.register(0x0000, "NONE"));
    public static final CompressionAlgorithm LZNT1 = new CompressionAlgorithm(NAMES.register(0x0001, "LZNT1"));
    public static final CompressionAlgorithm LZ77 = new CompressionAlgorithm(NAMES.register(0x0002, "LZ77"));
    public static final CompressionAlgorithm LZ77_HUFFMAN = new CompressionAlgorithm(NAMES.register(0x0003, "LZ77+Huffman"));
    public static final CompressionAlgorithm PATTERN_V1 = new CompressionAlgorithm(NAMES.register(0x0004, "Pattern_V1"));
    public static final CompressionAlgorithm LZ4 = new CompressionAlgorithm(NAMES.register(0x0005, "LZ4"));

    public CompressionAlgorithm {
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
