package dev.smbq.smb2.codec;

import static dev.smbq.smb2.codec.BufferFields.readFileId;
import static dev.smbq.smb2.codec.BufferFields.writeFileId;

import dev.smbq.smb2.message.IoctlRequest;
import dev.smbq.smb2.message.IoctlResponse;
import dev.smbq.smb2.message.LockElement;
import dev.smbq.smb2.message.LockRequest;
import dev.smbq.smb2.message.LockResponse;
import dev.smbq.smb2.message.ReadRequest;
import dev.smbq.smb2.message.ReadResponse;
import dev.smbq.smb2.message.WriteRequest;
import dev.smbq.smb2.message.WriteResponse;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;

/** Codecs of READ, WRITE, LOCK and IOCTL ([MS-SMB2] 2.2.19 - 2.2.22, 2.2.26, 2.2.27, 2.2.31, 2.2.32). */
final class IoCodecs {
    /** Where READ response data starts: right after the fixed part (0x50), as DataOffset says. */
    static final int READ_RESPONSE_DATA_OFFSET = ReadResponse.DATA_OFFSET;
    /** Where WRITE request data starts (0x70). */
    static final int WRITE_REQUEST_DATA_OFFSET = 0x70;

    private IoCodecs() {
    }

    static final BodyCodec<ReadRequest> READ_REQUEST = new BodyCodec<>(ReadRequest.class, 49,
            request -> request.readChannelInfo().length(),
            (request, out) -> {
                BufferFields.checkUshortLength(request.readChannelInfo());
                out.u8(request.padding()).u8(request.flags()).u32(request.length()).u64(request.offset());
                writeFileId(out, request.fileId());
                out.u32(request.minimumCount()).u32(request.channel()).u32(request.remainingBytes());
                out.u16(BufferFields.offsetOf(request.readChannelInfo(), 0x70)).u16(request.readChannelInfo().length());
                out.bytes(request.readChannelInfo());
            },
            in -> {
                int padding = in.u8();
                int flags = in.u8();
                long length = in.u32Unsigned();
                long offset = in.u64();
                var fileId = readFileId(in);
                long minimumCount = in.u32Unsigned();
                int channel = in.u32();
                long remaining = in.u32Unsigned();
                int infoOffset = in.u16();
                int infoLength = in.u16();
                return new ReadRequest(padding, flags, length, offset, fileId, minimumCount, channel, remaining,
                        in.region(infoOffset, infoLength, 0x70));
            },
            true);

    static final BodyCodec<ReadResponse> READ_RESPONSE = new BodyCodec<>(ReadResponse.class, 17,
            response -> response.data().length(),
            (response, out) -> {
                out.u8(response.data().isEmpty() ? 0 : READ_RESPONSE_DATA_OFFSET).u8(0).u32(response.data().length());
                out.u32(response.dataRemaining()).u32(response.flags());
                out.bytes(response.data());
            },
            in -> {
                int dataOffset = in.u8();
                in.skip(1);
                long dataLength = in.u32Unsigned();
                long dataRemaining = in.u32Unsigned();
                int flags = in.u32();
                return new ReadResponse(dataRemaining, flags, in.region(dataOffset, dataLength, READ_RESPONSE_DATA_OFFSET));
            },
            false);

    static final int WRITE_REQUEST_STRUCTURE_SIZE = 49;

    static final BodyCodec<WriteRequest> WRITE_REQUEST = new BodyCodec<>(WriteRequest.class,
            WRITE_REQUEST_STRUCTURE_SIZE,
            request -> request.data().length() + request.writeChannelInfo().length(),
            (request, out) -> {
                writeRequestFields(request, out);
                out.bytes(request.data()).bytes(request.writeChannelInfo());
            },
            in -> {
                int dataOffset = in.u16();
                long length = in.u32Unsigned();
                long offset = in.u64();
                var fileId = readFileId(in);
                int channel = in.u32();
                long remaining = in.u32Unsigned();
                int infoOffset = in.u16();
                int infoLength = in.u16();
                int flags = in.u32();
                return new WriteRequest(offset, fileId, channel, remaining, flags,
                        in.region(dataOffset, length, WRITE_REQUEST_DATA_OFFSET),
                        in.region(infoOffset, infoLength, WRITE_REQUEST_DATA_OFFSET));
            },
            true);

    /** A WRITE request's fields after StructureSize: everything up to where its data starts. */
    static void writeRequestFields(WriteRequest request, WireWriter out) {
        Bytes info = request.writeChannelInfo();
        BufferFields.checkUshortLength(info);
        out.u16(WRITE_REQUEST_DATA_OFFSET).u32(request.data().length()).u64(request.offset());
        writeFileId(out, request.fileId());
        out.u32(request.channel()).u32(request.remainingBytes());
        // With no channel info Windows still points WriteChannelInfoOffset at the buffer; so does this codec.
        out.u16(WRITE_REQUEST_DATA_OFFSET + (info.isEmpty() ? 0 : request.data().length())).u16(info.length());
        out.u32(request.flags());
    }

    static final BodyCodec<WriteResponse> WRITE_RESPONSE = BodyCodec.fixed(WriteResponse.class, 17,
            (response, out) -> out.u16(0).u32(response.count()).u32(response.remaining()).u16(0).u16(0),
            in -> {
                in.skip(2);
                long count = in.u32Unsigned();
                long remaining = in.u32Unsigned();
                return new WriteResponse(count, remaining);
            });

    // StructureSize 48 counts the fixed part (24 bytes) and one lock element; further elements follow it.
    static final BodyCodec<LockRequest> LOCK_REQUEST = new BodyCodec<>(LockRequest.class, 48,
            request -> (request.locks().size() - 1) * LockElement.SIZE,
            (request, out) -> {
                if (request.locks().isEmpty()) {
                    throw new IllegalArgumentException("a LOCK request carries at least one lock");
                }
                out.u16(request.locks().size()).u32(request.lockSequence());
                writeFileId(out, request.fileId());
                for (LockElement lock : request.locks()) {
                    out.u64(lock.offset()).u64(lock.length()).u32(lock.flags()).u32(0);
                }
            },
            in -> {
                int lockCount = in.u16();
                int lockSequence = in.u32();
                var fileId = readFileId(in);
                // [MS-SMB2] 3.3.5.14: LockCount 0 fails with STATUS_INVALID_PARAMETER.
                if (lockCount == 0) {
                    throw SmbDecodeException.invalidParameter("LOCK request with LockCount 0");
                }
                if ((long) lockCount * LockElement.SIZE > in.remaining()) {
                    throw SmbDecodeException.invalidParameter("LockCount " + lockCount + " exceeds the message");
                }
                List<LockElement> locks = new ArrayList<>(lockCount);
                for (int i = 0; i < lockCount; i++) {
                    long offset = in.u64();
                    long length = in.u64();
                    int flags = in.u32();
                    in.skip(4);
                    locks.add(new LockElement(offset, length, flags));
                }
                return new LockRequest(lockSequence, fileId, locks);
            },
            false);

    static final BodyCodec<LockResponse> LOCK_RESPONSE =
            BodyCodec.fixed(LockResponse.class, 4, (response, out) -> out.u16(0), in -> new LockResponse());

    private static final int IOCTL_REQUEST_BUFFER = 0x78;
    private static final int IOCTL_RESPONSE_BUFFER = 0x70;

    static final BodyCodec<IoctlRequest> IOCTL_REQUEST = new BodyCodec<>(IoctlRequest.class, 57,
            request -> request.input().length() + request.output().length(),
            (request, out) -> {
                Bytes input = request.input();
                Bytes output = request.output();
                out.u16(0).u32(request.ctlCode());
                writeFileId(out, request.fileId());
                out.u32(BufferFields.offsetOf(input, IOCTL_REQUEST_BUFFER)).u32(input.length());
                out.u32(request.maxInputResponse());
                out.u32(BufferFields.offsetOf(output, IOCTL_REQUEST_BUFFER + input.length())).u32(output.length());
                out.u32(request.maxOutputResponse()).u32(request.flags()).u32(0);
                out.bytes(input).bytes(output);
            },
            in -> {
                in.skip(2);
                int ctlCode = in.u32();
                var fileId = readFileId(in);
                long inputOffset = in.u32Unsigned();
                long inputCount = in.u32Unsigned();
                long maxInputResponse = in.u32Unsigned();
                long outputOffset = in.u32Unsigned();
                long outputCount = in.u32Unsigned();
                long maxOutputResponse = in.u32Unsigned();
                int flags = in.u32();
                return new IoctlRequest(ctlCode, fileId, maxInputResponse, maxOutputResponse, flags,
                        in.region(inputOffset, inputCount, IOCTL_REQUEST_BUFFER),
                        in.region(outputOffset, outputCount, IOCTL_REQUEST_BUFFER));
            },
            true);

    static final BodyCodec<IoctlResponse> IOCTL_RESPONSE = new BodyCodec<>(IoctlResponse.class, 49,
            response -> response.input().length() + response.output().length(),
            (response, out) -> {
                Bytes input = response.input();
                Bytes output = response.output();
                out.u16(0).u32(response.ctlCode());
                writeFileId(out, response.fileId());
                // Windows puts InputOffset at the buffer even when InputCount is 0; so does this codec.
                out.u32(IOCTL_RESPONSE_BUFFER).u32(input.length());
                out.u32(IOCTL_RESPONSE_BUFFER + input.length()).u32(output.length());
                out.u32(response.flags()).u32(0);
                out.bytes(input).bytes(output);
            },
            in -> {
                in.skip(2);
                int ctlCode = in.u32();
                var fileId = readFileId(in);
                long inputOffset = in.u32Unsigned();
                long inputCount = in.u32Unsigned();
                long outputOffset = in.u32Unsigned();
                long outputCount = in.u32Unsigned();
                int flags = in.u32();
                return new IoctlResponse(ctlCode, fileId, flags,
                        in.region(inputOffset, inputCount, IOCTL_RESPONSE_BUFFER),
                        in.region(outputOffset, outputCount, IOCTL_RESPONSE_BUFFER));
            },
            false);
}
