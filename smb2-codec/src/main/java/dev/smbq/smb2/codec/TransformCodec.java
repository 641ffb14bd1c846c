package dev.smbq.smb2.codec;

import dev.smbq.smb2.message.TransformHeader;
import dev.smbq.smb2.message.TransformMessage;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireReader;
import dev.smbq.smb2.wire.WireWriter;

/**
 * [MS-SMB2] 2.2.41 SMB2 TRANSFORM_HEADER codec. Flags and SessionId are kept for the unsealing step to check;
 * the size is checked here. A transform that cannot be read cannot be answered: disconnect.
 */
public final class TransformCodec {
    private TransformCodec() {
    }

    public static void writeHeader(TransformHeader header, byte[] target, int offset) {
        WireWriter out = WireWriter.of(target, offset);
        out.u32(TransformHeader.PROTOCOL_ID).bytes(header.signature()).bytes(header.nonce());
        out.u32(header.originalMessageSize()).u16(0).u16(header.flags()).u64(header.sessionId());
    }

    public static byte[] encode(TransformMessage message) {
        byte[] out = new byte[TransformHeader.SIZE + message.encryptedMessage().length()];
        writeHeader(message.header(), out, 0);
        message.encryptedMessage().copyTo(out, TransformHeader.SIZE);
        return out;
    }

    public static TransformMessage decode(Bytes message) {
        WireReader in = WireReader.of(message);
        if (in.remaining() < TransformHeader.SIZE) {
            throw SmbDecodeException.disconnect("transform of " + in.remaining() + " bytes is shorter than its header");
        }
        if (in.u32() != TransformHeader.PROTOCOL_ID) {
            throw SmbDecodeException.disconnect("ProtocolId is not 0xFD 'SMB'");
        }
        Bytes signature = in.bytes(16);
        Bytes nonce = in.bytes(16);
        long originalSize = in.u32Unsigned();
        in.skip(2);
        int flags = in.u16();
        long sessionId = in.u64();
        // [MS-SMB2] 3.3.5.2.1.1: the encrypted data must be exactly OriginalMessageSize long.
        if (originalSize != in.remaining() || originalSize == 0) {
            throw SmbDecodeException.disconnect(
                    "OriginalMessageSize " + originalSize + " but " + in.remaining() + " encrypted bytes follow");
        }
        return new TransformMessage(new TransformHeader(signature, nonce, originalSize, flags, sessionId), in.rest());
    }
}
