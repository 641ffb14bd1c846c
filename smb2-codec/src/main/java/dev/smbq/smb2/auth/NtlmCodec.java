package dev.smbq.smb2.auth;

import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireReader;
import dev.smbq.smb2.wire.WireWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes the three NTLM messages ([MS-NLMP] 2.2.1) and TargetInfo AV pairs (2.2.2.1). Every
 * variable field is a (Len, MaxLen, BufferOffset) triple pointing into the payload; the payload is written in the
 * order Windows uses. Decoding checks every triple against the message before reading it.
 */
public final class NtlmCodec {
    private static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    private static final int NEGOTIATE = 1;
    private static final int CHALLENGE = 2;
    private static final int AUTHENTICATE = 3;
    private static final int VERSION_SIZE = 8;
    private static final int MIC_SIZE = 16;

    private NtlmCodec() {
    }

    // ---- NEGOTIATE_MESSAGE

    public static byte[] encode(NtlmNegotiate message) {
        byte[] domain = message.domain().getBytes(StandardCharsets.US_ASCII);
        byte[] workstation = message.workstation().getBytes(StandardCharsets.US_ASCII);
        Payload payload = new Payload(32 + message.version().length());
        int[] domainField = payload.add(domain);
        int[] workstationField = payload.add(workstation);
        byte[] out = new byte[payload.end()];
        WireWriter writer = header(out, NEGOTIATE).u32(message.flags());
        field(writer, domainField);
        field(writer, workstationField);
        writer.bytes(message.version());
        payload.writeTo(writer);
        return out;
    }

    public static NtlmNegotiate decodeNegotiate(Bytes token) {
        WireReader in = reader(token, NEGOTIATE);
        int flags = in.u32();
        long[] domainField = triple(in);
        long[] workstationField = triple(in);
        Bytes domain = in.region(domainField[1], domainField[0], 32);
        Bytes workstation = in.region(workstationField[1], workstationField[0], 32);
        Bytes version = NtlmFlags.has(flags, NtlmFlags.VERSION)
                && payloadStart(in.length(), domainField, workstationField) >= 40 ? in.bytes(VERSION_SIZE) : Bytes.EMPTY;
        return new NtlmNegotiate(flags, oem(domain), oem(workstation), version);
    }

    // ---- CHALLENGE_MESSAGE

    public static byte[] encode(NtlmChallenge message) {
        Charset charset = charset(message.flags());
        byte[] targetName = message.targetName().getBytes(charset);
        byte[] targetInfo = encodeAvPairs(message.targetInfo());
        Payload payload = new Payload(48 + message.version().length());
        int[] nameField = payload.add(targetName);
        int[] infoField = payload.add(targetInfo);
        byte[] out = new byte[payload.end()];
        WireWriter writer = header(out, CHALLENGE);
        field(writer, nameField);
        writer.u32(message.flags()).bytes(message.serverChallenge()).zeros(8);
        field(writer, infoField);
        writer.bytes(message.version());
        payload.writeTo(writer);
        return out;
    }

    public static NtlmChallenge decodeChallenge(Bytes token) {
        WireReader in = reader(token, CHALLENGE);
        long[] nameField = triple(in);
        int flags = in.u32();
        Bytes serverChallenge = in.bytes(8);
        in.skip(8);
        long[] infoField = triple(in);
        Bytes targetName = in.region(nameField[1], nameField[0], 48);
        Bytes targetInfo = in.region(infoField[1], infoField[0], 48);
        Bytes version = NtlmFlags.has(flags, NtlmFlags.VERSION) && payloadStart(in.length(), nameField, infoField) >= 56
                ? in.bytes(VERSION_SIZE) : Bytes.EMPTY;
        return new NtlmChallenge(new String(targetName.toByteArray(), charset(flags)), flags, serverChallenge,
                decodeAvPairs(targetInfo), version);
    }

    // ---- AUTHENTICATE_MESSAGE

    public static byte[] encode(NtlmAuthenticate message) {
        Charset charset = charset(message.flags());
        Payload payload = new Payload(64 + message.version().length() + message.mic().length());
        int[] domain = payload.add(message.domain().getBytes(charset));
        int[] user = payload.add(message.user().getBytes(charset));
        int[] workstation = payload.add(message.workstation().getBytes(charset));
        int[] lm = payload.add(message.lmChallengeResponse().toByteArray());
        int[] nt = payload.add(message.ntChallengeResponse().toByteArray());
        int[] sessionKey = payload.add(message.encryptedRandomSessionKey().toByteArray());
        byte[] out = new byte[payload.end()];
        WireWriter writer = header(out, AUTHENTICATE);
        field(writer, lm);
        field(writer, nt);
        field(writer, domain);
        field(writer, user);
        field(writer, workstation);
        field(writer, sessionKey);
        writer.u32(message.flags()).bytes(message.version()).bytes(message.mic());
        payload.writeTo(writer);
        return out;
    }

    public static NtlmAuthenticate decodeAuthenticate(Bytes token) {
        WireReader in = reader(token, AUTHENTICATE);
        long[][] fields = new long[6][];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = triple(in);
        }
        int flags = in.u32();
        Bytes[] values = new Bytes[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = in.region(fields[i][1], fields[i][0], 64);
        }
        // Version and MIC sit between the fixed fields and the payload; whether they are there shows in where the
        // payload starts (a MIC needs 88 bytes before it).
        int payloadStart = payloadStart(in.length(), fields);
        Bytes version = payloadStart >= 72 ? in.bytes(VERSION_SIZE) : Bytes.EMPTY;
        Bytes mic = payloadStart >= 72 + MIC_SIZE ? in.bytes(MIC_SIZE) : Bytes.EMPTY;
        Charset charset = charset(flags);
        return new NtlmAuthenticate(values[0], values[1], text(values[2], charset), text(values[3], charset),
                text(values[4], charset), values[5], flags, version, mic);
    }

    // ---- AV pairs

    public static byte[] encodeAvPairs(List<AvPair> pairs) {
        int length = 0;
        for (AvPair pair : pairs) {
            length += 4 + pair.value().length();
        }
        byte[] out = new byte[length];
        WireWriter writer = WireWriter.of(out);
        for (AvPair pair : pairs) {
            writer.u16(pair.id()).u16(pair.value().length()).bytes(pair.value());
        }
        return out;
    }

    /** AV pairs up to and including MsvAvEOL; anything after EOL is ignored, as [MS-NLMP] 2.2.2.1 says. */
    public static List<AvPair> decodeAvPairs(Bytes targetInfo) {
        List<AvPair> pairs = new ArrayList<>();
        WireReader in = WireReader.of(targetInfo);
        while (in.remaining() > 0) {
            int id = in.u16();
            int length = in.u16();
            pairs.add(new AvPair(id, in.bytes(length)));
            if (id == AvPair.EOL) {
                break;
            }
        }
        return pairs;
    }

    // ---- helpers

    private static WireWriter header(byte[] out, int type) {
        return WireWriter.of(out).bytes(SIGNATURE).u32(type);
    }

    private static WireReader reader(Bytes token, int type) {
        WireReader in = WireReader.of(token);
        if (in.remaining() < 12 || !in.bytes(8).equals(Bytes.wrap(SIGNATURE)) || in.u32() != type) {
            throw SmbDecodeException.invalidParameter("not an NTLM message of type " + type);
        }
        return in;
    }

    private static long[] triple(WireReader in) {
        int length = in.u16();
        in.skip(2); // MaxLen
        return new long[] {length, in.u32Unsigned()};
    }

    private static void field(WireWriter writer, int[] field) {
        writer.u16(field[1]).u16(field[1]).u32(field[0]);
    }

    /** Where the payload starts: the smallest offset of a non-empty field, or the message end. */
    private static int payloadStart(int messageLength, long[]... fields) {
        long start = messageLength;
        for (long[] field : fields) {
            if (field[0] > 0) {
                start = Math.min(start, field[1]);
            }
        }
        return (int) start;
    }

    private static Charset charset(int flags) {
        return NtlmFlags.has(flags, NtlmFlags.UNICODE) ? StandardCharsets.UTF_16LE : StandardCharsets.US_ASCII;
    }

    private static String oem(Bytes bytes) {
        return new String(bytes.toByteArray(), StandardCharsets.US_ASCII);
    }

    private static String text(Bytes bytes, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_16LE) && bytes.length() % 2 != 0) {
            throw SmbDecodeException.invalidParameter("UTF-16 field of odd length in an NTLM message");
        }
        return new String(bytes.toByteArray(), charset);
    }

    /** Collects payload fields and assigns their offsets; empty fields get offset 0 and no bytes. */
    private static final class Payload {
        private final List<byte[]> parts = new ArrayList<>();
        private int end;

        Payload(int start) {
            end = start;
        }

        /** Returns {offset, length}. */
        int[] add(byte[] value) {
            if (value.length > 0xFFFF) {
                throw new IllegalArgumentException("NTLM field longer than 65535 bytes");
            }
            if (value.length == 0) {
                return new int[] {0, 0};
            }
            parts.add(value);
            int[] field = {end, value.length};
            end += value.length;
            return field;
        }

        int end() {
            return end;
        }

        void writeTo(WireWriter writer) {
            parts.forEach(writer::bytes);
        }
    }
}
