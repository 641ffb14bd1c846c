package dev.smbq.smb2.codec;

import dev.smbq.smb2.message.context.CreateContext;
import dev.smbq.smb2.message.context.CreateContextNames;
import dev.smbq.smb2.message.context.DurableHandleRequestV2;
import dev.smbq.smb2.message.context.DurableHandleResponseV2;
import dev.smbq.smb2.message.context.LeaseContext;
import dev.smbq.smb2.message.context.MaximalAccessRequest;
import dev.smbq.smb2.message.context.MaximalAccessResponse;
import dev.smbq.smb2.message.context.QueryOnDiskIdRequest;
import dev.smbq.smb2.message.context.QueryOnDiskIdResponse;
import dev.smbq.smb2.message.context.RawCreateContext;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.wire.Alignment;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireReader;
import dev.smbq.smb2.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * [MS-SMB2] 2.2.13.2 create context chains: each entry 8-byte aligned, Next counting from the entry's start (0 for
 * the last), the name at offset 16 and the data at the next 8-byte boundary after it. Stateless.
 */
final class CreateContextCodec {
    private static final int ENTRY_HEADER_SIZE = 16;

    private CreateContextCodec() {
    }

    static int chainLength(List<CreateContext> contexts) {
        int length = 0;
        for (int i = 0; i < contexts.size(); i++) {
            if (i > 0) {
                length = Alignment.alignUp(length, 8);
            }
            length = Math.addExact(length, entryLength(contexts.get(i)));
        }
        return length;
    }

    private static int dataOffset(CreateContext context) {
        return Alignment.alignUp(ENTRY_HEADER_SIZE + context.name().length(), 8);
    }

    private static int entryLength(CreateContext context) {
        Bytes data = data(context);
        return data.isEmpty() ? ENTRY_HEADER_SIZE + context.name().length() : dataOffset(context) + data.length();
    }

    static void writeChain(List<CreateContext> contexts, WireWriter out) {
        for (int i = 0; i < contexts.size(); i++) {
            CreateContext context = contexts.get(i);
            Bytes data = data(context);
            int next = i == contexts.size() - 1 ? 0 : Alignment.alignUp(entryLength(context), 8);
            int start = out.position();
            out.u32(next).u16(ENTRY_HEADER_SIZE).u16(context.name().length()).u16(0);
            out.u16(data.isEmpty() ? 0 : dataOffset(context)).u32(data.length());
            out.bytes(context.name());
            if (!data.isEmpty()) {
                out.zeros(dataOffset(context) - (out.position() - start)).bytes(data);
            }
            if (next != 0) {
                out.zeros(next - (out.position() - start));
            }
        }
    }

    /** The Data of a context as it goes on the wire. */
    static Bytes data(CreateContext context) {
        if (context instanceof RawCreateContext raw) {
            return raw.data();
        }
        if (context instanceof MaximalAccessRequest request) {
            return request.timestamp() == 0 ? Bytes.EMPTY : encode(8, out -> out.u64(request.timestamp()));
        }
        if (context instanceof MaximalAccessResponse response) {
            return encode(8, out -> out.u32(response.queryStatus().code()).u32(response.maximalAccess()));
        }
        if (context instanceof QueryOnDiskIdRequest) {
            return Bytes.EMPTY;
        }
        if (context instanceof QueryOnDiskIdResponse response) {
            return encode(32, out -> out.u64(response.diskFileId()).u64(response.volumeId()).zeros(16));
        }
        if (context instanceof LeaseContext lease) {
            return encode(lease.version() == 2 ? LeaseContext.V2_SIZE : LeaseContext.V1_SIZE, out -> {
                out.bytes(lease.leaseKey()).u32(lease.leaseState()).u32(lease.leaseFlags()).u64(lease.leaseDuration());
                if (lease.version() == 2) {
                    out.bytes(lease.parentLeaseKey()).u16(lease.epoch()).u16(0);
                }
            });
        }
        if (context instanceof DurableHandleRequestV2 request) {
            return encode(32, out -> out.u32(request.timeout()).u32(request.flags()).zeros(8).guid(request.createGuid()));
        }
        if (context instanceof DurableHandleResponseV2 response) {
            return encode(8, out -> out.u32(response.timeout()).u32(response.flags()));
        }
        throw new IllegalArgumentException("unsupported create context " + context.getClass());
    }

    private static Bytes encode(int length, java.util.function.Consumer<WireWriter> body) {
        byte[] data = new byte[length];
        body.accept(WireWriter.of(data));
        return Bytes.wrap(data);
    }

    /** Reads a chain that occupies exactly {@code chain}; {@code inResponse} picks the response forms. */
    static List<CreateContext> readChain(Bytes chain, boolean inResponse) {
        List<CreateContext> contexts = new ArrayList<>();
        WireReader all = WireReader.of(chain);
        long position = 0;
        while (true) {
            WireReader entry = all.sub(position, chain.length() - position);
            long next = entry.u32Unsigned();
            int nameOffset = entry.u16();
            int nameLength = entry.u16();
            entry.skip(2);
            int dataOffset = entry.u16();
            long dataLength = entry.u32Unsigned();
            long entryEnd = next == 0 ? entry.length() : next;
            if (next != 0 && (next < ENTRY_HEADER_SIZE || next % 8 != 0 || next > entry.length())) {
                throw SmbDecodeException.invalidParameter("create context Next " + next + " is misplaced");
            }
            WireReader bounded = entry.sub(0, entryEnd);
            Bytes name = bounded.region(nameOffset, nameLength, ENTRY_HEADER_SIZE);
            Bytes data = bounded.region(dataOffset, dataLength, ENTRY_HEADER_SIZE);
            contexts.add(interpret(name, data, inResponse));
            if (next == 0) {
                return contexts;
            }
            position += next;
        }
    }

    private static CreateContext interpret(Bytes name, Bytes data, boolean inResponse) {
        WireReader in = WireReader.of(data);
        if (name.equals(CreateContextNames.MAXIMAL_ACCESS)) {
            if (inResponse && data.length() >= 8) {
                return new MaximalAccessResponse(new NtStatus(in.u32()), in.u32());
            }
            if (!inResponse && (data.isEmpty() || data.length() == 8)) {
                return new MaximalAccessRequest(data.isEmpty() ? 0 : in.u64());
            }
        } else if (name.equals(CreateContextNames.QUERY_ON_DISK_ID)) {
            if (!inResponse && data.isEmpty()) {
                return new QueryOnDiskIdRequest();
            }
            if (inResponse && data.length() >= 16) {
                return new QueryOnDiskIdResponse(in.u64(), in.u64());
            }
        } else if (name.equals(CreateContextNames.REQUEST_LEASE)) {
            if (data.length() == LeaseContext.V1_SIZE || data.length() == LeaseContext.V2_SIZE) {
                boolean v2 = data.length() == LeaseContext.V2_SIZE;
                Bytes key = in.bytes(16);
                int state = in.u32();
                int flags = in.u32();
                long duration = in.u64();
                Bytes parent = v2 ? in.bytes(16) : Bytes.EMPTY;
                int epoch = v2 ? in.u16() : 0;
                return new LeaseContext(v2 ? 2 : 1, key, state, flags, duration, parent, epoch);
            }
        } else if (name.equals(CreateContextNames.DURABLE_HANDLE_REQUEST_V2)) {
            if (!inResponse && data.length() == 32) {
                int timeout = in.u32();
                int flags = in.u32();
                in.skip(8);
                return new DurableHandleRequestV2(timeout, flags, in.guid());
            }
            if (inResponse && data.length() == 8) {
                return new DurableHandleResponseV2(in.u32(), in.u32());
            }
        }
        // Unknown names, and known names whose data has a shape the spec does not give them, are kept as they came.
        return new RawCreateContext(name, data);
    }
}
