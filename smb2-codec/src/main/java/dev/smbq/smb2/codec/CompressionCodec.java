package dev.smbq.smb2.codec;

import dev.smbq.smb2.message.ChainedCompressedMessage;
import dev.smbq.smb2.message.ChainedCompressedMessage.Payload;
import dev.smbq.smb2.message.CompressedMessage;
import dev.smbq.smb2.message.UnchainedCompressedMessage;
import dev.smbq.smb2.spec.CompressionAlgorithm;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireReader;
import dev.smbq.smb2.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * [MS-SMB2] 2.2.42 SMB2 COMPRESSION_TRANSFORM_HEADER codec, unchained and chained. The two forms differ at byte 10:
 * the unchained header's Flags is SMB2_COMPRESSION_FLAG_NONE (0); the first chained payload header's Flags is
 * SMB2_COMPRESSION_FLAG_CHAINED (1).
 */
public final class CompressionCodec {
    private static final int PAYLOAD_HEADER_SIZE = 8;

    private CompressionCodec() {
    }

    public static byte[] encode(CompressedMessage message) {
        if (message instanceof UnchainedCompressedMessage unchained) {
            byte[] out = new byte[UnchainedCompressedMessage.HEADER_SIZE + unchained.uncompressedPrefix().length()
                    + unchained.compressedSegment().length()];
            WireWriter.of(out).u32(CompressedMessage.PROTOCOL_ID).u32(unchained.originalCompressedSegmentSize())
                    .u16(unchained.compressionAlgorithm().code()).u16(0).u32(unchained.uncompressedPrefix().length())
                    .bytes(unchained.uncompressedPrefix()).bytes(unchained.compressedSegment());
            return out;
        }
        ChainedCompressedMessage chained = (ChainedCompressedMessage) message;
        int length = 8;
        for (Payload payload : chained.payloads()) {
            length = Math.addExact(length, PAYLOAD_HEADER_SIZE + payloadLength(payload));
        }
        byte[] out = new byte[length];
        WireWriter writer = WireWriter.of(out).u32(CompressedMessage.PROTOCOL_ID)
                .u32(chained.originalCompressedSegmentSize());
        for (Payload payload : chained.payloads()) {
            writer.u16(payload.compressionAlgorithm().code()).u16(payload.flags()).u32(payloadLength(payload));
            if (payload.originalPayloadSize() >= 0) {
                writer.u32(payload.originalPayloadSize());
            }
            writer.bytes(payload.data());
        }
        return out;
    }

    /** Length as the payload header counts it: OriginalPayloadSize (when present) and the data. */
    private static int payloadLength(Payload payload) {
        return (payload.originalPayloadSize() >= 0 ? 4 : 0) + payload.data().length();
    }

    public static CompressedMessage decode(Bytes message) {
        WireReader in = WireReader.of(message);
        if (in.remaining() < UnchainedCompressedMessage.HEADER_SIZE) {
            throw SmbDecodeException.disconnect("compressed message of " + in.remaining() + " bytes is too short");
        }
        if (in.u32() != CompressedMessage.PROTOCOL_ID) {
            throw SmbDecodeException.disconnect("ProtocolId is not 0xFC 'SMB'");
        }
        long originalSize = in.u32Unsigned();
        int flagsAtTen = WireReader.of(message).position(10).u16();
        if (flagsAtTen == 0) {
            CompressionAlgorithm algorithm = new CompressionAlgorithm(in.u16());
            in.skip(2);
            long offset = in.u32Unsigned();
            Bytes prefix = bytesOrDisconnect(in, offset, "Offset");
            return new UnchainedCompressedMessage(originalSize, algorithm, prefix, in.rest());
        }
        List<Payload> payloads = new ArrayList<>();
        while (in.remaining() > 0) {
            if (in.remaining() < PAYLOAD_HEADER_SIZE) {
                throw SmbDecodeException.disconnect("truncated compression payload header");
            }
            CompressionAlgorithm algorithm = new CompressionAlgorithm(in.u16());
            int flags = in.u16();
            long length = in.u32Unsigned();
            Bytes body = bytesOrDisconnect(in, length, "payload Length");
            if (Payload.hasOriginalPayloadSize(algorithm)) {
                if (body.length() < 4) {
                    throw SmbDecodeException.disconnect("payload too short for OriginalPayloadSize");
                }
                long originalPayloadSize = WireReader.of(body).u32Unsigned();
                payloads.add(new Payload(algorithm, flags, originalPayloadSize, body.slice(4, body.length() - 4)));
            } else {
                payloads.add(new Payload(algorithm, flags, -1, body));
            }
        }
        return new ChainedCompressedMessage(originalSize, payloads);
    }

    private static Bytes bytesOrDisconnect(WireReader in, long length, String field) {
        if (length > in.remaining()) {
            throw SmbDecodeException.disconnect(field + " " + length + " exceeds the " + in.remaining() + " bytes left");
        }
        return in.bytes(length);
    }
}
