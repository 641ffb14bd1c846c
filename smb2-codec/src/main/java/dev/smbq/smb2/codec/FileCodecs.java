package dev.smbq.smb2.codec;

import static dev.smbq.smb2.codec.BufferFields.readFileId;
import static dev.smbq.smb2.codec.BufferFields.writeFileId;

import dev.smbq.smb2.message.ChangeNotifyRequest;
import dev.smbq.smb2.message.ChangeNotifyResponse;
import dev.smbq.smb2.message.CloseRequest;
import dev.smbq.smb2.message.CloseResponse;
import dev.smbq.smb2.message.CreateRequest;
import dev.smbq.smb2.message.CreateResponse;
import dev.smbq.smb2.message.FlushRequest;
import dev.smbq.smb2.message.FlushResponse;
import dev.smbq.smb2.message.QueryDirectoryRequest;
import dev.smbq.smb2.message.QueryDirectoryResponse;
import dev.smbq.smb2.message.QueryInfoRequest;
import dev.smbq.smb2.message.QueryInfoResponse;
import dev.smbq.smb2.message.SetInfoRequest;
import dev.smbq.smb2.message.SetInfoResponse;
import dev.smbq.smb2.message.context.CreateContext;
import dev.smbq.smb2.wire.Alignment;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireReader;
import java.util.List;

/** Codecs of CREATE, CLOSE, FLUSH, QUERY_DIRECTORY, CHANGE_NOTIFY, QUERY_INFO and SET_INFO ([MS-SMB2] 2.2.13 - 2.2.40). */
final class FileCodecs {
    private static final int CREATE_REQUEST_BUFFER = 0x78;
    private static final int CREATE_RESPONSE_BUFFER = 0x98;

    private FileCodecs() {
    }

    /** Where a CREATE request's context chain starts: the first 8-byte boundary after the name. */
    private static int createContextsOffset(CreateRequest request) {
        return Alignment.alignUp(CREATE_REQUEST_BUFFER + Utf16.length(request.name()), 8);
    }

    static final BodyCodec<CreateRequest> CREATE_REQUEST = new BodyCodec<>(CreateRequest.class, 57,
            request -> request.createContexts().isEmpty() ? Utf16.length(request.name())
                    : createContextsOffset(request) + CreateContextCodec.chainLength(request.createContexts())
                            - CREATE_REQUEST_BUFFER,
            (request, out) -> {
                byte[] name = Utf16.encode(request.name());
                BufferFields.checkUshortLength(name.length);
                List<CreateContext> contexts = request.createContexts();
                out.u8(request.securityFlags()).u8(request.requestedOplockLevel()).u32(request.impersonationLevel());
                out.u64(request.smbCreateFlags()).u64(0);
                out.u32(request.desiredAccess()).u32(request.fileAttributes()).u32(request.shareAccess());
                out.u32(request.createDisposition()).u32(request.createOptions());
                // NameOffset points at the buffer even for an empty name, as Windows sends it.
                out.u16(CREATE_REQUEST_BUFFER).u16(name.length);
                out.u32(contexts.isEmpty() ? 0 : createContextsOffset(request));
                out.u32(CreateContextCodec.chainLength(contexts));
                out.bytes(name);
                if (!contexts.isEmpty()) {
                    out.alignTo(8);
                    CreateContextCodec.writeChain(contexts, out);
                }
            },
            in -> {
                int securityFlags = in.u8();
                int oplockLevel = in.u8();
                int impersonationLevel = in.u32();
                long smbCreateFlags = in.u64();
                in.skip(8);
                int desiredAccess = in.u32();
                int fileAttributes = in.u32();
                int shareAccess = in.u32();
                int disposition = in.u32();
                int options = in.u32();
                int nameOffset = in.u16();
                int nameLength = in.u16();
                long contextsOffset = in.u32Unsigned();
                long contextsLength = in.u32Unsigned();
                String name = Utf16.decode(in.region(nameOffset, nameLength, CREATE_REQUEST_BUFFER));
                return new CreateRequest(securityFlags, oplockLevel, impersonationLevel, smbCreateFlags, desiredAccess,
                        fileAttributes, shareAccess, disposition, options, name,
                        readContexts(in, contextsOffset, contextsLength, CREATE_REQUEST_BUFFER, false));
            },
            true);

    static final BodyCodec<CreateResponse> CREATE_RESPONSE = new BodyCodec<>(CreateResponse.class, 89,
            response -> CreateContextCodec.chainLength(response.createContexts()),
            (response, out) -> {
                out.u8(response.oplockLevel()).u8(response.flags()).u32(response.createAction());
                out.u64(response.creationTime()).u64(response.lastAccessTime()).u64(response.lastWriteTime());
                out.u64(response.changeTime()).u64(response.allocationSize()).u64(response.endOfFile());
                out.u32(response.fileAttributes()).u32(0);
                writeFileId(out, response.fileId());
                int chainLength = CreateContextCodec.chainLength(response.createContexts());
                out.u32(chainLength == 0 ? 0 : CREATE_RESPONSE_BUFFER).u32(chainLength);
                CreateContextCodec.writeChain(response.createContexts(), out);
            },
            in -> {
                int oplockLevel = in.u8();
                int flags = in.u8();
                int createAction = in.u32();
                long creation = in.u64();
                long lastAccess = in.u64();
                long lastWrite = in.u64();
                long change = in.u64();
                long allocation = in.u64();
                long endOfFile = in.u64();
                int attributes = in.u32();
                in.skip(4);
                var fileId = readFileId(in);
                long contextsOffset = in.u32Unsigned();
                long contextsLength = in.u32Unsigned();
                return new CreateResponse(oplockLevel, flags, createAction, creation, lastAccess, lastWrite, change,
                        allocation, endOfFile, attributes, fileId,
                        readContexts(in, contextsOffset, contextsLength, CREATE_RESPONSE_BUFFER, true));
            },
            false);

    private static List<CreateContext> readContexts(WireReader in, long offset, long length, int firstAllowed,
                                                    boolean inResponse) {
        if (length == 0) {
            return List.of();
        }
        // [MS-SMB2] 2.2.13.2: each create context starts on an 8-byte boundary.
        if (!Alignment.isAligned(offset, 8)) {
            throw SmbDecodeException.invalidParameter("CreateContextsOffset " + offset + " is not 8-byte aligned");
        }
        return CreateContextCodec.readChain(in.region(offset, length, firstAllowed), inResponse);
    }

    static final BodyCodec<CloseRequest> CLOSE_REQUEST = BodyCodec.fixed(CloseRequest.class, 24,
            (request, out) -> {
                out.u16(request.flags()).u32(0);
                writeFileId(out, request.fileId());
            },
            in -> {
                int flags = in.u16();
                in.skip(4);
                return new CloseRequest(flags, readFileId(in));
            });

    static final BodyCodec<CloseResponse> CLOSE_RESPONSE = BodyCodec.fixed(CloseResponse.class, 60,
            (response, out) -> {
                out.u16(response.flags()).u32(0);
                out.u64(response.creationTime()).u64(response.lastAccessTime()).u64(response.lastWriteTime());
                out.u64(response.changeTime()).u64(response.allocationSize()).u64(response.endOfFile());
                out.u32(response.fileAttributes());
            },
            in -> {
                int flags = in.u16();
                in.skip(4);
                return new CloseResponse(flags, in.u64(), in.u64(), in.u64(), in.u64(), in.u64(), in.u64(), in.u32());
            });

    static final BodyCodec<FlushRequest> FLUSH_REQUEST = BodyCodec.fixed(FlushRequest.class, 24,
            (request, out) -> {
                out.u16(0).u32(0);
                writeFileId(out, request.fileId());
            },
            in -> {
                in.skip(6);
                return new FlushRequest(readFileId(in));
            });

    static final BodyCodec<FlushResponse> FLUSH_RESPONSE =
            BodyCodec.fixed(FlushResponse.class, 4, (response, out) -> out.u16(0), in -> new FlushResponse());

    static final BodyCodec<QueryDirectoryRequest> QUERY_DIRECTORY_REQUEST = new BodyCodec<>(
            QueryDirectoryRequest.class, 33,
            request -> Utf16.length(request.fileName()),
            (request, out) -> {
                byte[] name = Utf16.encode(request.fileName());
                BufferFields.checkUshortLength(name.length);
                out.u8(request.fileInformationClass()).u8(request.flags()).u32(request.fileIndex());
                writeFileId(out, request.fileId());
                out.u16(name.length == 0 ? 0 : 0x60).u16(name.length).u32(request.outputBufferLength());
                out.bytes(name);
            },
            in -> {
                int infoClass = in.u8();
                int flags = in.u8();
                long fileIndex = in.u32Unsigned();
                var fileId = readFileId(in);
                int nameOffset = in.u16();
                int nameLength = in.u16();
                long outputLength = in.u32Unsigned();
                String name = Utf16.decode(in.region(nameOffset, nameLength, 0x60));
                return new QueryDirectoryRequest(infoClass, flags, fileIndex, fileId, name, outputLength);
            },
            true);

    static final BodyCodec<QueryDirectoryResponse> QUERY_DIRECTORY_RESPONSE = outputResponse(
            QueryDirectoryResponse.class, QueryDirectoryResponse::output, QueryDirectoryResponse::new);

    static final BodyCodec<ChangeNotifyRequest> CHANGE_NOTIFY_REQUEST = BodyCodec.fixed(ChangeNotifyRequest.class, 32,
            (request, out) -> {
                out.u16(request.flags()).u32(request.outputBufferLength());
                writeFileId(out, request.fileId());
                out.u32(request.completionFilter()).u32(0);
            },
            in -> {
                int flags = in.u16();
                long outputLength = in.u32Unsigned();
                var fileId = readFileId(in);
                return new ChangeNotifyRequest(flags, outputLength, fileId, in.u32());
            });

    static final BodyCodec<ChangeNotifyResponse> CHANGE_NOTIFY_RESPONSE = outputResponse(
            ChangeNotifyResponse.class, ChangeNotifyResponse::output, ChangeNotifyResponse::new);

    static final BodyCodec<QueryInfoRequest> QUERY_INFO_REQUEST = new BodyCodec<>(QueryInfoRequest.class, 41,
            request -> request.input().length(),
            (request, out) -> {
                out.u8(request.infoType()).u8(request.fileInfoClass()).u32(request.outputBufferLength());
                out.u16(BufferFields.offsetOf(request.input(), 0x68)).u16(0).u32(request.input().length());
                out.u32(request.additionalInformation()).u32(request.flags());
                writeFileId(out, request.fileId());
                out.bytes(request.input());
            },
            in -> {
                int infoType = in.u8();
                int infoClass = in.u8();
                long outputLength = in.u32Unsigned();
                int inputOffset = in.u16();
                in.skip(2);
                long inputLength = in.u32Unsigned();
                int additional = in.u32();
                int flags = in.u32();
                var fileId = readFileId(in);
                return new QueryInfoRequest(infoType, infoClass, outputLength, additional, flags, fileId,
                        in.region(inputOffset, inputLength, 0x68));
            },
            true);

    static final BodyCodec<QueryInfoResponse> QUERY_INFO_RESPONSE = outputResponse(
            QueryInfoResponse.class, QueryInfoResponse::output, QueryInfoResponse::new);

    static final BodyCodec<SetInfoRequest> SET_INFO_REQUEST = new BodyCodec<>(SetInfoRequest.class, 33,
            request -> request.buffer().length(),
            (request, out) -> {
                out.u8(request.infoType()).u8(request.fileInfoClass()).u32(request.buffer().length());
                out.u16(BufferFields.offsetOf(request.buffer(), 0x60)).u16(0).u32(request.additionalInformation());
                writeFileId(out, request.fileId());
                out.bytes(request.buffer());
            },
            in -> {
                int infoType = in.u8();
                int infoClass = in.u8();
                long length = in.u32Unsigned();
                int offset = in.u16();
                in.skip(2);
                int additional = in.u32();
                var fileId = readFileId(in);
                return new SetInfoRequest(infoType, infoClass, additional, fileId, in.region(offset, length, 0x60));
            },
            true);

    static final BodyCodec<SetInfoResponse> SET_INFO_RESPONSE =
            BodyCodec.fixed(SetInfoResponse.class, 2, (response, out) -> { }, in -> new SetInfoResponse());

    /** The shape QUERY_DIRECTORY, CHANGE_NOTIFY and QUERY_INFO responses share: OutputBufferOffset/Length + data. */
    private static <T extends dev.smbq.smb2.message.Smb2Body> BodyCodec<T> outputResponse(
            Class<T> type, java.util.function.Function<T, Bytes> output, java.util.function.Function<Bytes, T> factory) {
        return new BodyCodec<>(type, 9,
                response -> output.apply(response).length(),
                (response, out) -> {
                    Bytes data = output.apply(response);
                    out.u16(BufferFields.offsetOf(data, 0x48)).u32(data.length()).bytes(data);
                },
                (WireReader in) -> {
                    int offset = in.u16();
                    long length = in.u32Unsigned();
                    return factory.apply(in.region(offset, length, 0x48));
                },
                false);
    }
}
