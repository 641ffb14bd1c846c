package dev.smbq.smb2.codec;

import static dev.smbq.smb2.codec.BufferFields.readFileId;
import static dev.smbq.smb2.codec.BufferFields.writeFileId;

import dev.smbq.smb2.message.CancelRequest;
import dev.smbq.smb2.message.EchoRequest;
import dev.smbq.smb2.message.EchoResponse;
import dev.smbq.smb2.message.ErrorResponse;
import dev.smbq.smb2.message.ErrorResponse.ErrorContext;
import dev.smbq.smb2.message.LeaseBreakAcknowledgment;
import dev.smbq.smb2.message.LeaseBreakNotification;
import dev.smbq.smb2.message.LeaseBreakResponse;
import dev.smbq.smb2.message.OplockBreakAcknowledgment;
import dev.smbq.smb2.message.OplockBreakNotification;
import dev.smbq.smb2.message.OplockBreakResponse;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.wire.Alignment;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireReader;
import dev.smbq.smb2.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;

/** Codecs of ECHO, CANCEL, the oplock and lease break messages and the ERROR response. */
final class MiscCodecs {
    private MiscCodecs() {
    }

    static final BodyCodec<EchoRequest> ECHO_REQUEST =
            BodyCodec.fixed(EchoRequest.class, 4, (request, out) -> out.u16(0), in -> new EchoRequest());

    static final BodyCodec<EchoResponse> ECHO_RESPONSE =
            BodyCodec.fixed(EchoResponse.class, 4, (response, out) -> out.u16(0), in -> new EchoResponse());

    static final BodyCodec<CancelRequest> CANCEL_REQUEST =
            BodyCodec.fixed(CancelRequest.class, 4, (request, out) -> out.u16(0), in -> new CancelRequest());

    static final BodyCodec<OplockBreakNotification> OPLOCK_BREAK_NOTIFICATION = BodyCodec.fixed(
            OplockBreakNotification.class, 24,
            (notification, out) -> writeOplockBreak(out, notification.oplockLevel(), notification.fileId()),
            in -> {
                int level = readOplockLevel(in);
                return new OplockBreakNotification(level, readFileId(in));
            });

    static final BodyCodec<OplockBreakAcknowledgment> OPLOCK_BREAK_ACKNOWLEDGMENT = BodyCodec.fixed(
            OplockBreakAcknowledgment.class, 24,
            (ack, out) -> writeOplockBreak(out, ack.oplockLevel(), ack.fileId()),
            in -> {
                int level = readOplockLevel(in);
                return new OplockBreakAcknowledgment(level, readFileId(in));
            });

    static final BodyCodec<OplockBreakResponse> OPLOCK_BREAK_RESPONSE = BodyCodec.fixed(
            OplockBreakResponse.class, 24,
            (response, out) -> writeOplockBreak(out, response.oplockLevel(), response.fileId()),
            in -> {
                int level = readOplockLevel(in);
                return new OplockBreakResponse(level, readFileId(in));
            });

    private static void writeOplockBreak(WireWriter out, int oplockLevel, dev.smbq.smb2.message.FileId fileId) {
        out.u8(oplockLevel).u8(0).u32(0);
        writeFileId(out, fileId);
    }

    private static int readOplockLevel(WireReader in) {
        int level = in.u8();
        in.skip(5); // Reserved, Reserved2
        return level;
    }

    static final BodyCodec<LeaseBreakNotification> LEASE_BREAK_NOTIFICATION = BodyCodec.fixed(
            LeaseBreakNotification.class, 44,
            (notification, out) -> {
                checkLeaseKey(notification.leaseKey());
                out.u16(notification.newEpoch()).u32(notification.flags()).bytes(notification.leaseKey());
                out.u32(notification.currentLeaseState()).u32(notification.newLeaseState());
                out.u32(notification.breakReason()).u32(notification.accessMaskHint()).u32(notification.shareMaskHint());
            },
            in -> new LeaseBreakNotification(in.u16(), in.u32(), in.bytes(16), in.u32(), in.u32(), in.u32(), in.u32(),
                    in.u32()));

    static final BodyCodec<LeaseBreakAcknowledgment> LEASE_BREAK_ACKNOWLEDGMENT = BodyCodec.fixed(
            LeaseBreakAcknowledgment.class, 36,
            (ack, out) -> writeLeaseBreak(out, ack.flags(), ack.leaseKey(), ack.leaseState(), ack.leaseDuration()),
            in -> {
                in.skip(2);
                return new LeaseBreakAcknowledgment(in.u32(), in.bytes(16), in.u32(), in.u64());
            });

    static final BodyCodec<LeaseBreakResponse> LEASE_BREAK_RESPONSE = BodyCodec.fixed(
            LeaseBreakResponse.class, 36,
            (response, out) -> writeLeaseBreak(out, response.flags(), response.leaseKey(), response.leaseState(),
                    response.leaseDuration()),
            in -> {
                in.skip(2);
                return new LeaseBreakResponse(in.u32(), in.bytes(16), in.u32(), in.u64());
            });

    private static void writeLeaseBreak(WireWriter out, int flags, Bytes leaseKey, int leaseState, long duration) {
        checkLeaseKey(leaseKey);
        out.u16(0).u32(flags).bytes(leaseKey).u32(leaseState).u64(duration);
    }

    private static void checkLeaseKey(Bytes leaseKey) {
        if (leaseKey.length() != 16) {
            throw new IllegalArgumentException("a lease key is 16 bytes");
        }
    }

    private static final int ERROR_CONTEXT_HEADER_SIZE = 8;

    /** ByteCount of an ERROR response: the error contexts (8-byte aligned, no trailing padding) or the blob. */
    static int errorByteCount(ErrorResponse response) {
        if (response.errorContexts().isEmpty()) {
            return response.errorData().length();
        }
        int length = 0;
        for (int i = 0; i < response.errorContexts().size(); i++) {
            if (i > 0) {
                length = Alignment.alignUp(length, 8);
            }
            length = Math.addExact(length, ERROR_CONTEXT_HEADER_SIZE + response.errorContexts().get(i).data().length());
        }
        return length;
    }

    /**
     * The ERROR response codec for one command. [MS-SMB2] 2.2.2: with ByteCount 0 the ErrorData is still one byte
     * long (zero), which {@code padEmptyBuffer} provides.
     */
    static BodyCodec<ErrorResponse> errorResponse(Command command) {
        return new BodyCodec<>(ErrorResponse.class, 9,
                MiscCodecs::errorByteCount,
                (response, out) -> {
                    if (response.errorContexts().size() > 0xFF) {
                        throw new IllegalArgumentException("ErrorContextCount is one byte");
                    }
                    out.u8(response.errorContexts().size()).u8(0).u32(errorByteCount(response));
                    List<ErrorContext> contexts = response.errorContexts();
                    for (int i = 0; i < contexts.size(); i++) {
                        if (i > 0) {
                            out.alignTo(8);
                        }
                        out.u32(contexts.get(i).data().length()).u32(contexts.get(i).errorId())
                                .bytes(contexts.get(i).data());
                    }
                    out.bytes(response.errorData());
                },
                in -> {
                    int contextCount = in.u8();
                    in.skip(1);
                    long byteCount = in.u32Unsigned();
                    Bytes errorData = in.bytes(byteCount);
                    if (contextCount == 0) {
                        return new ErrorResponse(command, List.of(), errorData);
                    }
                    return new ErrorResponse(command, readErrorContexts(errorData, contextCount), Bytes.EMPTY);
                },
                true);
    }

    private static List<ErrorContext> readErrorContexts(Bytes errorData, int count) {
        WireReader in = WireReader.of(errorData);
        List<ErrorContext> contexts = new ArrayList<>(Math.min(count, errorData.length() / ERROR_CONTEXT_HEADER_SIZE));
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                in.skip(Alignment.padding(in.position(), 8));
            }
            long length = in.u32Unsigned();
            int errorId = in.u32();
            contexts.add(new ErrorContext(errorId, in.bytes(length)));
        }
        if (in.remaining() > 0) {
            throw SmbDecodeException.invalidParameter("ERROR response has bytes after its last error context");
        }
        return contexts;
    }
}
