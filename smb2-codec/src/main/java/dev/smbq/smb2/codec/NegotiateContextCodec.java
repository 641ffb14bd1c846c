package dev.smbq.smb2.codec;

import dev.smbq.smb2.message.context.CompressionCapabilities;
import dev.smbq.smb2.message.context.EncryptionCapabilities;
import dev.smbq.smb2.message.context.NegotiateContext;
import dev.smbq.smb2.message.context.NetnameNegotiateContextId;
import dev.smbq.smb2.message.context.PreauthIntegrityCapabilities;
import dev.smbq.smb2.message.context.RawNegotiateContext;
import dev.smbq.smb2.message.context.RdmaTransformCapabilities;
import dev.smbq.smb2.message.context.SigningCapabilities;
import dev.smbq.smb2.message.context.TransportCapabilities;
import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.spec.CompressionAlgorithm;
import dev.smbq.smb2.spec.HashAlgorithm;
import dev.smbq.smb2.spec.NegotiateContextType;
import dev.smbq.smb2.spec.RdmaTransformId;
import dev.smbq.smb2.spec.SigningAlgorithm;
import dev.smbq.smb2.wire.Alignment;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireReader;
import dev.smbq.smb2.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * [MS-SMB2] 2.2.3.1 NegotiateContextList: contexts each starting at the first 8-byte aligned offset after the
 * previous one, with no padding after the last. Stateless.
 */
public final class NegotiateContextCodec {
    static final int CONTEXT_HEADER_SIZE = 8;

    private NegotiateContextCodec() {
    }

    /** Bytes of the whole list, from the first context to the end of the last (no trailing padding). */
    public static int listLength(List<NegotiateContext> contexts) {
        int length = 0;
        for (int i = 0; i < contexts.size(); i++) {
            if (i > 0) {
                length = Alignment.alignUp(length, 8);
            }
            length = Math.addExact(length, CONTEXT_HEADER_SIZE + dataLength(contexts.get(i)));
        }
        return length;
    }

    /** DataLength of one context: its size without the 8-byte context header. */
    public static int dataLength(NegotiateContext context) {
        int length;
        if (context instanceof PreauthIntegrityCapabilities preauth) {
            length = 4 + 2 * preauth.hashAlgorithms().size() + preauth.salt().length();
        } else if (context instanceof EncryptionCapabilities encryption) {
            length = 2 + 2 * encryption.ciphers().size();
        } else if (context instanceof CompressionCapabilities compression) {
            length = 8 + 2 * compression.algorithms().size();
        } else if (context instanceof NetnameNegotiateContextId netname) {
            length = Utf16.length(netname.netName());
        } else if (context instanceof TransportCapabilities) {
            length = 4;
        } else if (context instanceof RdmaTransformCapabilities rdma) {
            length = 8 + 2 * rdma.transformIds().size();
        } else if (context instanceof SigningCapabilities signing) {
            length = 2 + 2 * signing.signingAlgorithms().size();
        } else if (context instanceof RawNegotiateContext raw) {
            length = raw.data().length();
        } else {
            throw new IllegalArgumentException("unsupported negotiate context " + context.getClass());
        }
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("negotiate context data longer than DataLength can say: " + length);
        }
        return length;
    }

    /** Writes the list; the writer must be at an 8-byte aligned position. */
    public static void writeList(List<NegotiateContext> contexts, WireWriter out) {
        for (int i = 0; i < contexts.size(); i++) {
            if (i > 0) {
                out.alignTo(8);
            }
            write(contexts.get(i), out);
        }
    }

    private static void write(NegotiateContext context, WireWriter out) {
        out.u16(context.type().code()).u16(dataLength(context)).u32(0);
        if (context instanceof PreauthIntegrityCapabilities preauth) {
            out.u16(preauth.hashAlgorithms().size()).u16(preauth.salt().length());
            preauth.hashAlgorithms().forEach(hash -> out.u16(hash.code()));
            out.bytes(preauth.salt());
        } else if (context instanceof EncryptionCapabilities encryption) {
            out.u16(encryption.ciphers().size());
            encryption.ciphers().forEach(cipher -> out.u16(cipher.code()));
        } else if (context instanceof CompressionCapabilities compression) {
            out.u16(compression.algorithms().size()).u16(0).u32(compression.flags());
            compression.algorithms().forEach(algorithm -> out.u16(algorithm.code()));
        } else if (context instanceof NetnameNegotiateContextId netname) {
            out.bytes(Utf16.encode(netname.netName()));
        } else if (context instanceof TransportCapabilities transport) {
            out.u32(transport.flags());
        } else if (context instanceof RdmaTransformCapabilities rdma) {
            out.u16(rdma.transformIds().size()).u16(0).u32(0);
            rdma.transformIds().forEach(id -> out.u16(id.code()));
        } else if (context instanceof SigningCapabilities signing) {
            out.u16(signing.signingAlgorithms().size());
            signing.signingAlgorithms().forEach(algorithm -> out.u16(algorithm.code()));
        } else if (context instanceof RawNegotiateContext raw) {
            out.bytes(raw.data());
        }
    }

    /**
     * Reads {@code count} contexts starting at the reader's position, which must be 8-byte aligned relative to the
     * SMB2 header. Every length is checked against the bytes present before it is used.
     */
    public static List<NegotiateContext> readList(WireReader in, int count) {
        List<NegotiateContext> contexts = new ArrayList<>(Math.min(count, in.remaining() / CONTEXT_HEADER_SIZE + 1));
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                in.skip(Alignment.padding(in.position(), 8));
            }
            NegotiateContextType type = new NegotiateContextType(in.u16());
            int dataLength = in.u16();
            in.skip(4); // Reserved
            Bytes data = in.bytes(dataLength);
            contexts.add(readData(type, data));
        }
        return contexts;
    }

    private static NegotiateContext readData(NegotiateContextType type, Bytes data) {
        WireReader in = WireReader.of(data);
        switch (type.code()) {
            case 0x0001 -> {
                requireAtLeast(type, data, 4);
                int hashCount = in.u16();
                int saltLength = in.u16();
                List<HashAlgorithm> hashes = readCodes(in, hashCount, type, HashAlgorithm::new);
                return new PreauthIntegrityCapabilities(hashes, data.slice(in.position(), requireRest(in, saltLength, type)));
            }
            case 0x0002 -> {
                requireAtLeast(type, data, 2);
                return new EncryptionCapabilities(readCodes(in, in.u16(), type, CipherId::new));
            }
            case 0x0003 -> {
                requireAtLeast(type, data, 8);
                int algorithmCount = in.u16();
                in.skip(2); // Padding
                int flags = in.u32();
                return new CompressionCapabilities(flags, readCodes(in, algorithmCount, type, CompressionAlgorithm::new));
            }
            case 0x0005 -> {
                return new NetnameNegotiateContextId(Utf16.decode(data));
            }
            case 0x0006 -> {
                // Samba insists on exactly 4 bytes; a longer Data is tolerated here and its tail ignored.
                requireAtLeast(type, data, 4);
                return new TransportCapabilities(in.u32());
            }
            case 0x0007 -> {
                requireAtLeast(type, data, 8);
                int transformCount = in.u16();
                in.skip(6); // Reserved1, Reserved2
                return new RdmaTransformCapabilities(readCodes(in, transformCount, type, RdmaTransformId::new));
            }
            case 0x0008 -> {
                requireAtLeast(type, data, 2);
                return new SigningCapabilities(readCodes(in, in.u16(), type, SigningAlgorithm::new));
            }
            default -> {
                return new RawNegotiateContext(type, data);
            }
        }
    }

    // [MS-SMB2] 3.3.5.4: a DataLength too small for the context's structure fails the request with
    // STATUS_INVALID_PARAMETER.
    private static void requireAtLeast(NegotiateContextType type, Bytes data, int minimum) {
        if (data.length() < minimum) {
            throw SmbDecodeException.invalidParameter(
                    type.name() + " DataLength " + data.length() + " is shorter than its structure (" + minimum + ")");
        }
    }

    private static int requireRest(WireReader in, int length, NegotiateContextType type) {
        if (length > in.remaining()) {
            throw SmbDecodeException.invalidParameter(type.name() + " declares more bytes than its DataLength holds");
        }
        return length;
    }

    private static <T> List<T> readCodes(WireReader in, int count, NegotiateContextType type, IntFunction<T> factory) {
        requireRest(in, 2 * count, type);
        List<T> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            codes.add(factory.apply(in.u16()));
        }
        return codes;
    }
}
