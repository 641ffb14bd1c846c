package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.CompressionAlgorithm;
import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.42.1 SMB2_COMPRESSION_TRANSFORM_HEADER (unchained), 16 bytes, then the uncompressed prefix and the
 * compressed segment. Flags is SMB2_COMPRESSION_FLAG_NONE; Offset is derived from the prefix length.
 *
 * @param originalCompressedSegmentSize OriginalCompressedSegmentSize
 * @param compressionAlgorithm          CompressionAlgorithm
 * @param uncompressedPrefix            the Offset bytes that follow the header and are not compressed
 * @param compressedSegment             the compressed data
 */
public record UnchainedCompressedMessage(long originalCompressedSegmentSize, CompressionAlgorithm compressionAlgorithm,
                                         Bytes uncompressedPrefix, Bytes compressedSegment) implements CompressedMessage {
    public static final int HEADER_SIZE = 16;

    public UnchainedCompressedMessage {
        java.util.Objects.requireNonNull(compressionAlgorithm, "compressionAlgorithm");
        java.util.Objects.requireNonNull(uncompressedPrefix, "uncompressedPrefix");
        java.util.Objects.requireNonNull(compressedSegment, "compressedSegment");
    }
}
