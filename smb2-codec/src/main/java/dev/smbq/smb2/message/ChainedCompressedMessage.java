package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.CompressionAlgorithm;
import dev.smbq.smb2.wire.Bytes;
import java.util.List;

/**
 * [MS-SMB2] 2.2.42.2 SMB2_COMPRESSION_TRANSFORM_HEADER (chained): ProtocolId, OriginalCompressedSegmentSize, then
 * payload headers each followed by their data.
 *
 * @param originalCompressedSegmentSize OriginalCompressedSegmentSize
 * @param payloads                      the payloads in order (at least one)
 */
public record ChainedCompressedMessage(long originalCompressedSegmentSize, List<Payload> payloads)
        implements CompressedMessage {
    public static final int FLAG_CHAINED = 0x0001;

    public ChainedCompressedMessage {
        payloads = List.copyOf(payloads);
        if (payloads.isEmpty()) {
            throw new IllegalArgumentException("a chained compressed message has at least one payload");
        }
    }

    /**
     * [MS-SMB2] 2.2.42.2.1 SMB2_COMPRESSION_CHAINED_PAYLOAD_HEADER and its data. Length is derived.
     *
     * @param compressionAlgorithm CompressionAlgorithm
     * @param flags                Flags: SMB2_COMPRESSION_FLAG_CHAINED on the first payload
     * @param originalPayloadSize  OriginalPayloadSize, present for LZNT1, LZ77, LZ77+Huffman and LZ4; else -1
     * @param data                 the payload (for Pattern_V1 the 8-byte 2.2.42.2.2 structure)
     */
    public record Payload(CompressionAlgorithm compressionAlgorithm, int flags, long originalPayloadSize, Bytes data) {
        public Payload {
            java.util.Objects.requireNonNull(compressionAlgorithm, "compressionAlgorithm");
            java.util.Objects.requireNonNull(data, "data");
            if (hasOriginalPayloadSize(compressionAlgorithm) != (originalPayloadSize >= 0)) {
                throw new IllegalArgumentException("OriginalPayloadSize is present exactly for the compressing algorithms");
            }
        }

        /** Whether a payload header for this algorithm carries OriginalPayloadSize (2.2.42.2.1). */
        public static boolean hasOriginalPayloadSize(CompressionAlgorithm algorithm) {
            return algorithm.equals(CompressionAlgorithm.LZNT1) || algorithm.equals(CompressionAlgorithm.LZ77)
                    || algorithm.equals(CompressionAlgorithm.LZ77_HUFFMAN) || algorithm.equals(CompressionAlgorithm.LZ4);
        }
    }
}
