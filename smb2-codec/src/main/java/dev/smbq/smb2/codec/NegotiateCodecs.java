package dev.smbq.smb2.codec;

import dev.smbq.smb2.message.NegotiateRequest;
import dev.smbq.smb2.message.NegotiateResponse;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.context.NegotiateContext;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.wire.Alignment;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireReader;
import java.util.ArrayList;
import java.util.List;

/** Codecs of [MS-SMB2] 2.2.3 NEGOTIATE Request and 2.2.4 NEGOTIATE Response, and their layout arithmetic. */
public final class NegotiateCodecs {
    /** Offset of Dialects[] in the request (0x64), counted from the SMB2 header. */
    public static final int REQUEST_DIALECTS_OFFSET = Smb2Header.SIZE + 36;
    /** Offset of the response Buffer (0x80), where the security buffer starts. */
    public static final int RESPONSE_BUFFER_OFFSET = Smb2Header.SIZE + 64;

    private NegotiateCodecs() {
    }

    /** NegotiateContextOffset of a request: the first 8-byte boundary after the dialects, or 0 with no contexts. */
    public static int contextOffset(NegotiateRequest request) {
        if (request.negotiateContexts().isEmpty()) {
            return 0;
        }
        return Alignment.alignUp(REQUEST_DIALECTS_OFFSET + 2 * request.dialects().size(), 8);
    }

    /** SecurityBufferOffset of a response. */
    public static int securityBufferOffset(NegotiateResponse response) {
        return RESPONSE_BUFFER_OFFSET;
    }

    /** NegotiateContextOffset of a response: the first 8-byte boundary after the security buffer, or 0. */
    public static int contextOffset(NegotiateResponse response) {
        if (response.negotiateContexts().isEmpty()) {
            return 0;
        }
        return Alignment.alignUp(RESPONSE_BUFFER_OFFSET + response.securityBuffer().length(), 8);
    }

    static final BodyCodec<NegotiateRequest> REQUEST = new BodyCodec<>(NegotiateRequest.class, 36,
            request -> {
                int dialectsEnd = REQUEST_DIALECTS_OFFSET + 2 * request.dialects().size();
                int contextOffset = contextOffset(request);
                return (contextOffset == 0 ? dialectsEnd
                        : contextOffset + NegotiateContextCodec.listLength(request.negotiateContexts()))
                        - REQUEST_DIALECTS_OFFSET;
            },
            (request, out) -> {
                boolean withContexts = request.offers(Dialect.SMB_3_1_1);
                if (!withContexts && !request.negotiateContexts().isEmpty()) {
                    throw new IllegalArgumentException("negotiate contexts need SMB 3.1.1 among the dialects");
                }
                out.u16(request.dialects().size()).u16(request.securityMode()).u16(0).u32(request.capabilities());
                out.guid(request.clientGuid());
                if (withContexts) {
                    out.u32(contextOffset(request)).u16(request.negotiateContexts().size()).u16(0);
                } else {
                    out.u64(0); // ClientStartTime: reserved, zero
                }
                request.dialects().forEach(dialect -> out.u16(dialect.code()));
                if (!request.negotiateContexts().isEmpty()) {
                    out.alignTo(8);
                    NegotiateContextCodec.writeList(request.negotiateContexts(), out);
                }
            },
            in -> {
                int dialectCount = in.u16();
                int securityMode = in.u16();
                in.skip(2);
                int capabilities = in.u32();
                var clientGuid = in.guid();
                long contextOffset = in.u32Unsigned();
                int contextCount = in.u16();
                in.skip(2);
                // [MS-SMB2] 3.3.5.3.1: a request with no dialects fails with STATUS_INVALID_PARAMETER.
                if (dialectCount == 0) {
                    throw SmbDecodeException.invalidParameter("NEGOTIATE request with DialectCount 0");
                }
                if (2L * dialectCount > in.remaining()) {
                    throw SmbDecodeException.invalidParameter("DialectCount " + dialectCount + " exceeds the message");
                }
                List<Dialect> dialects = new ArrayList<>(dialectCount);
                for (int i = 0; i < dialectCount; i++) {
                    dialects.add(new Dialect(in.u16()));
                }
                List<NegotiateContext> contexts = List.of();
                if (dialects.contains(Dialect.SMB_3_1_1) && contextCount > 0) {
                    contexts = readContexts(in, contextOffset, contextCount, in.position());
                }
                return new NegotiateRequest(securityMode, capabilities, clientGuid, dialects, contexts);
            },
            false);

    static final BodyCodec<NegotiateResponse> RESPONSE = new BodyCodec<>(NegotiateResponse.class, 65,
            response -> {
                int contextOffset = contextOffset(response);
                int end = contextOffset == 0 ? RESPONSE_BUFFER_OFFSET + response.securityBuffer().length()
                        : contextOffset + NegotiateContextCodec.listLength(response.negotiateContexts());
                return end - RESPONSE_BUFFER_OFFSET;
            },
            (response, out) -> {
                boolean withContexts = response.dialectRevision().equals(Dialect.SMB_3_1_1);
                if (!withContexts && !response.negotiateContexts().isEmpty()) {
                    throw new IllegalArgumentException("negotiate contexts need DialectRevision 3.1.1");
                }
                if (response.securityBuffer().length() > 0xFFFF) {
                    throw new IllegalArgumentException("security buffer longer than SecurityBufferLength can say");
                }
                out.u16(response.securityMode()).u16(response.dialectRevision().code());
                out.u16(response.negotiateContexts().size());
                out.guid(response.serverGuid()).u32(response.capabilities());
                out.u32(response.maxTransactSize()).u32(response.maxReadSize()).u32(response.maxWriteSize());
                out.u64(response.systemTime()).u64(response.serverStartTime());
                out.u16(securityBufferOffset(response)).u16(response.securityBuffer().length());
                out.u32(contextOffset(response));
                out.bytes(response.securityBuffer());
                if (!response.negotiateContexts().isEmpty()) {
                    out.alignTo(8);
                    NegotiateContextCodec.writeList(response.negotiateContexts(), out);
                }
            },
            in -> {
                int securityMode = in.u16();
                Dialect dialect = new Dialect(in.u16());
                int contextCount = in.u16();
                var serverGuid = in.guid();
                int capabilities = in.u32();
                long maxTransact = in.u32Unsigned();
                long maxRead = in.u32Unsigned();
                long maxWrite = in.u32Unsigned();
                long systemTime = in.u64();
                long serverStartTime = in.u64();
                int securityOffset = in.u16();
                int securityLength = in.u16();
                long contextOffset = in.u32Unsigned();
                Bytes securityBuffer = in.region(securityOffset, securityLength, RESPONSE_BUFFER_OFFSET);
                List<NegotiateContext> contexts = List.of();
                if (dialect.equals(Dialect.SMB_3_1_1) && contextCount > 0) {
                    contexts = readContexts(in, contextOffset, contextCount, RESPONSE_BUFFER_OFFSET);
                }
                return new NegotiateResponse(securityMode, dialect, serverGuid, capabilities, maxTransact, maxRead,
                        maxWrite, systemTime, serverStartTime, securityBuffer, contexts);
            },
            false);

    // [MS-SMB2] 2.2.3: NegotiateContextOffset MUST be 8-byte aligned; the list may not overlap the fixed part.
    private static List<NegotiateContext> readContexts(WireReader in, long offset, int count, int firstAllowed) {
        if (offset < firstAllowed || !Alignment.isAligned(offset, 8) || offset > in.length()) {
            throw SmbDecodeException.invalidParameter("NegotiateContextOffset " + offset + " is misplaced");
        }
        in.position(offset);
        return NegotiateContextCodec.readList(in, count);
    }
}
