package dev.smbq.smb2.codec;

import dev.smbq.smb2.message.Smb1NegotiateRequest;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the SMB1 SMB_COM_NEGOTIATE request ([MS-CIFS] 2.2.4.52.1) that multi-protocol clients send first: the
 * 32-byte SMB1 header, WordCount 0, ByteCount, then dialect strings each prefixed by 0x02 and ended by NUL. Anything
 * else in SMB1 is not spoken here: the connection is dropped, as [MS-SMB2] 3.3.5.3 says for other SMB1 commands.
 */
public final class Smb1NegotiateCodec {
    /** ProtocolId 0xFF 'SMB' read as a little-endian ULONG. */
    public static final int PROTOCOL_ID = 0x424D53FF;
    private static final int SMB_COM_NEGOTIATE = 0x72;
    private static final int SMB1_HEADER_SIZE = 32;
    private static final int DIALECT_BUFFER_FORMAT = 0x02;

    private Smb1NegotiateCodec() {
    }

    public static Smb1NegotiateRequest decode(Bytes message) {
        WireReader in = WireReader.of(message);
        if (in.remaining() < SMB1_HEADER_SIZE + 3) {
            throw SmbDecodeException.disconnect("SMB1 message too short for a NEGOTIATE");
        }
        if (in.u32() != PROTOCOL_ID || in.u8() != SMB_COM_NEGOTIATE) {
            throw SmbDecodeException.disconnect("SMB1 message that is not SMB_COM_NEGOTIATE");
        }
        in.position(SMB1_HEADER_SIZE);
        int wordCount = in.u8();
        if (wordCount != 0) {
            throw SmbDecodeException.disconnect("SMB1 NEGOTIATE with WordCount " + wordCount);
        }
        int byteCount = in.u16();
        if (byteCount > in.remaining()) {
            throw SmbDecodeException.disconnect("SMB1 NEGOTIATE ByteCount exceeds the message");
        }
        WireReader dialectBytes = in.sub(in.position(), byteCount);
        List<String> dialects = new ArrayList<>();
        while (dialectBytes.remaining() > 0) {
            if (dialectBytes.u8() != DIALECT_BUFFER_FORMAT) {
                throw SmbDecodeException.disconnect("SMB1 dialect without BufferFormat 0x02");
            }
            int start = dialectBytes.position();
            int end = start;
            while (true) {
                if (dialectBytes.remaining() == 0) {
                    throw SmbDecodeException.disconnect("SMB1 dialect string without its NUL");
                }
                if (dialectBytes.u8() == 0) {
                    break;
                }
                end++;
            }
            byte[] text = dialectBytes.sub(start, end - start).rest().toByteArray();
            dialects.add(new String(text, StandardCharsets.US_ASCII));
        }
        return new Smb1NegotiateRequest(dialects);
    }
}
