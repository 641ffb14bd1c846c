package dev.smbq.smb2.codec;

import dev.smbq.smb2.message.ErrorResponse;
import dev.smbq.smb2.message.OplockBreakNotification;
import dev.smbq.smb2.message.ReadResponse;
import dev.smbq.smb2.message.Smb2Body;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.message.UnknownBody;
import dev.smbq.smb2.message.WriteRequest;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireReader;
import dev.smbq.smb2.wire.WireWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes and decodes one SMB2 message (header and body; a compound element is one message). Stateless and
 * thread-safe. Encoding computes every derived field (StructureSize, offsets, counts, lengths) and writes into an
 * array of the exact size; decoding checks each of them and throws only {@link SmbDecodeException}.
 */
public final class Smb2Codec {
    /** ProtocolId 0xFE 'SMB' read as a little-endian ULONG. */
    public static final int PROTOCOL_ID = 0x424D53FE;
    /** MessageId of unsolicited server messages (oplock and lease break notifications). */
    public static final long UNSOLICITED = -1L;

    private static final Map<Class<?>, BodyCodec<?>> BY_TYPE = new HashMap<>();
    private static final Map<Integer, List<BodyCodec<?>>> REQUESTS = new HashMap<>();
    private static final Map<Integer, List<BodyCodec<?>>> RESPONSES = new HashMap<>();

    static {
        request(Command.NEGOTIATE, NegotiateCodecs.REQUEST);
        response(Command.NEGOTIATE, NegotiateCodecs.RESPONSE);
        request(Command.SESSION_SETUP, SessionCodecs.SESSION_SETUP_REQUEST);
        response(Command.SESSION_SETUP, SessionCodecs.SESSION_SETUP_RESPONSE);
        request(Command.LOGOFF, SessionCodecs.LOGOFF_REQUEST);
        response(Command.LOGOFF, SessionCodecs.LOGOFF_RESPONSE);
        request(Command.TREE_CONNECT, SessionCodecs.TREE_CONNECT_REQUEST);
        response(Command.TREE_CONNECT, SessionCodecs.TREE_CONNECT_RESPONSE);
        request(Command.TREE_DISCONNECT, SessionCodecs.TREE_DISCONNECT_REQUEST);
        response(Command.TREE_DISCONNECT, SessionCodecs.TREE_DISCONNECT_RESPONSE);
        request(Command.CREATE, FileCodecs.CREATE_REQUEST);
        response(Command.CREATE, FileCodecs.CREATE_RESPONSE);
        request(Command.CLOSE, FileCodecs.CLOSE_REQUEST);
        response(Command.CLOSE, FileCodecs.CLOSE_RESPONSE);
        request(Command.FLUSH, FileCodecs.FLUSH_REQUEST);
        response(Command.FLUSH, FileCodecs.FLUSH_RESPONSE);
        request(Command.READ, IoCodecs.READ_REQUEST);
        response(Command.READ, IoCodecs.READ_RESPONSE);
        request(Command.WRITE, IoCodecs.WRITE_REQUEST);
        response(Command.WRITE, IoCodecs.WRITE_RESPONSE);
        request(Command.LOCK, IoCodecs.LOCK_REQUEST);
        response(Command.LOCK, IoCodecs.LOCK_RESPONSE);
        request(Command.IOCTL, IoCodecs.IOCTL_REQUEST);
        response(Command.IOCTL, IoCodecs.IOCTL_RESPONSE);
        request(Command.CANCEL, MiscCodecs.CANCEL_REQUEST);
        request(Command.ECHO, MiscCodecs.ECHO_REQUEST);
        response(Command.ECHO, MiscCodecs.ECHO_RESPONSE);
        request(Command.QUERY_DIRECTORY, FileCodecs.QUERY_DIRECTORY_REQUEST);
        response(Command.QUERY_DIRECTORY, FileCodecs.QUERY_DIRECTORY_RESPONSE);
        request(Command.CHANGE_NOTIFY, FileCodecs.CHANGE_NOTIFY_REQUEST);
        response(Command.CHANGE_NOTIFY, FileCodecs.CHANGE_NOTIFY_RESPONSE);
        request(Command.QUERY_INFO, FileCodecs.QUERY_INFO_REQUEST);
        response(Command.QUERY_INFO, FileCodecs.QUERY_INFO_RESPONSE);
        request(Command.SET_INFO, FileCodecs.SET_INFO_REQUEST);
        response(Command.SET_INFO, FileCodecs.SET_INFO_RESPONSE);
        // OPLOCK_BREAK: the StructureSize tells the oplock (24) and lease (44 / 36) forms apart.
        request(Command.OPLOCK_BREAK, MiscCodecs.OPLOCK_BREAK_ACKNOWLEDGMENT);
        request(Command.OPLOCK_BREAK, MiscCodecs.LEASE_BREAK_ACKNOWLEDGMENT);
        response(Command.OPLOCK_BREAK, MiscCodecs.OPLOCK_BREAK_RESPONSE);
        response(Command.OPLOCK_BREAK, MiscCodecs.LEASE_BREAK_NOTIFICATION);
        response(Command.OPLOCK_BREAK, MiscCodecs.LEASE_BREAK_RESPONSE);
        BY_TYPE.put(OplockBreakNotification.class, MiscCodecs.OPLOCK_BREAK_NOTIFICATION);
    }

    private static void request(Command command, BodyCodec<?> codec) {
        REQUESTS.computeIfAbsent(command.code(), key -> new java.util.ArrayList<>()).add(codec);
        BY_TYPE.put(codec.type(), codec);
    }

    private static void response(Command command, BodyCodec<?> codec) {
        RESPONSES.computeIfAbsent(command.code(), key -> new java.util.ArrayList<>()).add(codec);
        BY_TYPE.put(codec.type(), codec);
    }

    private Smb2Codec() {
    }

    /** Size of the encoded message, header included. */
    public static int encodedLength(Smb2Message message) {
        return Math.addExact(Smb2Header.SIZE, bodyLength(message.body()));
    }

    private static int bodyLength(Smb2Body body) {
        if (body instanceof UnknownBody unknown) {
            return unknown.body().length();
        }
        return codecFor(body).bodyLength(body);
    }

    private static BodyCodec<?> codecFor(Smb2Body body) {
        if (body instanceof ErrorResponse error) {
            return MiscCodecs.errorResponse(error.command());
        }
        BodyCodec<?> codec = BY_TYPE.get(body.getClass());
        if (codec == null) {
            throw new IllegalArgumentException("no codec for " + body.getClass());
        }
        return codec;
    }

    /**
     * Encodes the message into a new array; or, for a READ response whose data was read to its place in an array of
     * the message's size ({@link Bytes#payloadOf}, {@link ReadResponse#DATA_OFFSET} bytes in), into that array,
     * without copying the data.
     */
    public static byte[] encode(Smb2Message message) {
        int length = encodedLength(message);
        byte[] out = message.body() instanceof ReadResponse read
                ? read.data().messageAround(ReadResponse.DATA_OFFSET) : null;
        if (out == null || out.length != length) {
            out = new byte[length];
        }
        encode(message, out, 0);
        return out;
    }

    /**
     * The first {@code 0x70} bytes of a WRITE request, header and fixed part, whose fields describe the whole message:
     * for a sender that sends the data after them from where it lies ({@code SmbChannel.send(List)}) instead of
     * copying it into one array. Only for a WRITE whose data ends the message (no channel info).
     */
    public static byte[] encodeWriteHead(Smb2Header header, WriteRequest request) {
        if (!header.command().equals(Command.WRITE) || header.isResponse() || !request.writeChannelInfo().isEmpty()) {
            throw new IllegalArgumentException("only a WRITE request whose data ends the message has a head");
        }
        byte[] head = new byte[IoCodecs.WRITE_REQUEST_DATA_OFFSET];
        WireWriter out = WireWriter.of(head, 0);
        HeaderCodec.write(header, out);
        out.u16(IoCodecs.WRITE_REQUEST_STRUCTURE_SIZE);
        IoCodecs.writeRequestFields(request, out);
        return head;
    }

    /** Writes the message at {@code offset} of {@code target}, which must have {@link #encodedLength} bytes free. */
    public static void encode(Smb2Message message, byte[] target, int offset) {
        Smb2Header header = message.header();
        Smb2Body body = message.body();
        if (!header.command().equals(body.command()) || header.isResponse() != body.isResponse()) {
            throw new IllegalArgumentException("header says " + header.command() + (header.isResponse() ? " response"
                    : " request") + " but the body is " + body.getClass().getSimpleName());
        }
        WireWriter out = WireWriter.of(target, offset);
        HeaderCodec.write(header, out);
        if (body instanceof UnknownBody unknown) {
            out.bytes(unknown.body());
            return;
        }
        BodyCodec<?> codec = codecFor(body);
        codec.write(body, out, codec.bodyLength(body));
    }

    /** Decodes one whole message (one compound element); the header's NextCommand is not followed. */
    public static Smb2Message decode(Bytes element) {
        WireReader in = WireReader.of(element);
        Smb2Header header = HeaderCodec.read(in);
        return new Smb2Message(header, decodeBody(header, in));
    }

    /** Decodes the header only: a server needs it to answer a request whose body is malformed. */
    public static Smb2Header decodeHeader(Bytes element) {
        return HeaderCodec.read(WireReader.of(element));
    }

    private static Smb2Body decodeBody(Smb2Header header, WireReader in) {
        if (in.remaining() < 2) {
            throw SmbDecodeException.invalidParameter("no body after the SMB2 header");
        }
        int structureSize = in.u16();
        in.position(Smb2Header.SIZE);
        Command command = header.command();
        if (header.isResponse() && isErrorResponse(header, structureSize)) {
            return readBody(MiscCodecs.errorResponse(command), structureSize, in);
        }
        // [MS-SMB2] 3.3.4.6: an oplock break notification is unsolicited, sent with MessageId 0xFFFFFFFFFFFFFFFF; an
        // oplock break response answers an acknowledgment. Both have StructureSize 24.
        if (header.isResponse() && command.equals(Command.OPLOCK_BREAK) && header.messageId() == UNSOLICITED
                && structureSize == MiscCodecs.OPLOCK_BREAK_NOTIFICATION.structureSize()) {
            return readBody(MiscCodecs.OPLOCK_BREAK_NOTIFICATION, structureSize, in);
        }
        List<BodyCodec<?>> candidates = (header.isResponse() ? RESPONSES : REQUESTS).get(command.code());
        if (candidates == null) {
            return new UnknownBody(command, header.isResponse(), in.rest());
        }
        for (BodyCodec<?> codec : candidates) {
            if (codec.structureSize() == structureSize) {
                return readBody(codec, structureSize, in);
            }
        }
        // [MS-SMB2] 3.3.5.2.6: a request whose StructureSize is not the command's fails with STATUS_INVALID_PARAMETER.
        throw SmbDecodeException.invalidParameter(
                command.name() + " with StructureSize " + structureSize + " (expected " + candidates.get(0).structureSize() + ")");
    }

    /**
     * [MS-SMB2] 3.2.5.1: a response is an ERROR response when its StructureSize is 9 and its status is not success,
     * except the two non-success statuses that come with a normal body: STATUS_MORE_PROCESSING_REQUIRED on
     * SESSION_SETUP, and STATUS_BUFFER_OVERFLOW on the commands whose response (also 9) returns truncated data.
     * Warnings such as STATUS_NO_MORE_FILES, and STATUS_PENDING, come as ERROR responses.
     */
    private static boolean isErrorResponse(Smb2Header header, int structureSize) {
        if (structureSize != 9) {
            return false;
        }
        NtStatus status = header.ntStatus();
        Command command = header.command();
        if (status.equals(NtStatus.SUCCESS)) {
            return false;
        }
        if (command.equals(Command.SESSION_SETUP) && status.equals(NtStatus.MORE_PROCESSING_REQUIRED)) {
            return false;
        }
        return !(status.equals(NtStatus.BUFFER_OVERFLOW) && (command.equals(Command.QUERY_INFO)
                || command.equals(Command.QUERY_DIRECTORY) || command.equals(Command.CHANGE_NOTIFY)));
    }

    private static Smb2Body readBody(BodyCodec<?> codec, int structureSize, WireReader in) {
        if (in.remaining() < codec.fixedLength()) {
            throw SmbDecodeException.invalidParameter("body of " + in.remaining() + " bytes is shorter than its fixed part ("
                    + codec.fixedLength() + ", StructureSize " + structureSize + ")");
        }
        in.skip(2);
        return codec.read(in);
    }

    /** The kind of message that starts with the given bytes (at least 4 are needed to tell). */
    public static ProtocolKind protocolOf(Bytes message) {
        if (message.length() < 4) {
            return ProtocolKind.UNKNOWN;
        }
        int id = WireReader.of(message.slice(0, 4)).u32();
        if (id == PROTOCOL_ID) {
            return ProtocolKind.SMB2;
        }
        if (id == dev.smbq.smb2.message.TransformHeader.PROTOCOL_ID) {
            return ProtocolKind.TRANSFORM;
        }
        if (id == dev.smbq.smb2.message.CompressedMessage.PROTOCOL_ID) {
            return ProtocolKind.COMPRESSED;
        }
        if (id == Smb1NegotiateCodec.PROTOCOL_ID) {
            return ProtocolKind.SMB1;
        }
        return ProtocolKind.UNKNOWN;
    }

    /** What the first four bytes of a framed message announce. */
    public enum ProtocolKind {
        /** 0xFE 'SMB': an SMB2 message or compound chain. */
        SMB2,
        /** 0xFD 'SMB': an encrypted message ([MS-SMB2] 2.2.41). */
        TRANSFORM,
        /** 0xFC 'SMB': a compressed message ([MS-SMB2] 2.2.42). */
        COMPRESSED,
        /** 0xFF 'SMB': an SMB1 message (the multi-protocol NEGOTIATE). */
        SMB1,
        UNKNOWN
    }
}
