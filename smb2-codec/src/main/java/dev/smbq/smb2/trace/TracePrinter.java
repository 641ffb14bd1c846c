package dev.smbq.smb2.trace;

import dev.smbq.smb2.codec.CompoundChain;
import dev.smbq.smb2.codec.CompressionCodec;
import dev.smbq.smb2.codec.NegotiateCodecs;
import dev.smbq.smb2.codec.NegotiateContextCodec;
import dev.smbq.smb2.codec.Smb1NegotiateCodec;
import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.codec.TransformCodec;
import dev.smbq.smb2.message.FileId;
import dev.smbq.smb2.message.NegotiateRequest;
import dev.smbq.smb2.message.NegotiateResponse;
import dev.smbq.smb2.message.Smb2Body;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.message.TransformMessage;
import dev.smbq.smb2.message.context.CompressionCapabilities;
import dev.smbq.smb2.message.context.NegotiateContext;
import dev.smbq.smb2.message.context.TransportCapabilities;
import dev.smbq.smb2.spec.ContextFlags;
import dev.smbq.smb2.spec.GlobalCapabilities;
import dev.smbq.smb2.spec.HeaderFlags;
import dev.smbq.smb2.spec.SecurityMode;
import dev.smbq.smb2.spec.SpecCode;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;

/**
 * Renders messages as text, one field per line in wire order, with spec names and hex values, e.g.
 * {@code Dialect: SMB 3.1.1 (0x0311)} and {@code NegotiateContextOffset: 0x00000070}. Derived fields (counts,
 * offsets, lengths) are shown as the codec computes them. Anything that does not decode is shown with the reason.
 */
public final class TracePrinter {
    private final StringBuilder out = new StringBuilder();
    private int depth;

    private TracePrinter() {
    }

    /** Renders one transport message: an SMB2 message or compound chain, a transform, a compressed or SMB1 message. */
    public static String render(byte[] message) {
        TracePrinter printer = new TracePrinter();
        printer.message(Bytes.wrap(message.clone()));
        return printer.out.toString();
    }

    private void message(Bytes message) {
        try {
            switch (Smb2Codec.protocolOf(message)) {
                case SMB2 -> {
                    List<Bytes> elements = CompoundChain.split(message);
                    for (int i = 0; i < elements.size(); i++) {
                        if (elements.size() > 1) {
                            line("Compound element " + (i + 1) + " of " + elements.size());
                            depth++;
                        }
                        smb2(Smb2Codec.decode(elements.get(i)), elements.get(i).length());
                        if (elements.size() > 1) {
                            depth--;
                        }
                    }
                }
                case TRANSFORM -> transform(TransformCodec.decode(message));
                case COMPRESSED -> {
                    line("SMB2 COMPRESSION_TRANSFORM_HEADER (" + message.length() + " bytes)");
                    depth++;
                    value(CompressionCodec.decode(message));
                    depth--;
                }
                case SMB1 -> {
                    line("SMB1 NEGOTIATE Request (" + message.length() + " bytes)");
                    depth++;
                    field("Dialects", String.join(", ", Smb1NegotiateCodec.decode(message).dialects()));
                    depth--;
                }
                case UNKNOWN -> line("Not an SMB message (" + message.length() + " bytes): " + message);
            }
        } catch (SmbDecodeException e) {
            line("Malformed (" + e.action() + ", " + e.status() + "): " + e.getMessage());
        }
    }

    private void smb2(Smb2Message message, int length) {
        Smb2Header header = message.header();
        String kind = message.body().getClass().getSimpleName().endsWith("ErrorResponse") ? "ERROR Response"
                : header.isResponse() ? "Response" : "Request";
        line("SMB2 " + header.command().name().replace("SMB2_", "") + " " + kind + " (" + length + " bytes)");
        depth++;
        header(header);
        line(message.body().getClass().getSimpleName());
        depth++;
        body(message.body());
        depth -= 2;
    }

    private void header(Smb2Header header) {
        line("Header");
        depth++;
        field("ProtocolId", "0xFE 'SMB'");
        field("StructureSize", "64");
        field("CreditCharge", Integer.toString(header.creditCharge()));
        if (header.isResponse()) {
            field("Status", header.ntStatus().describe());
        } else {
            field("ChannelSequence/Reserved", hex32(header.status()));
        }
        field("Command", header.command().describe());
        field(header.isResponse() ? "CreditResponse" : "CreditRequest", Integer.toString(header.creditRequestResponse()));
        field("Flags", HeaderFlags.NAMES.describe(header.flags() & 0xFFFFFFFFL, 8));
        field("NextCommand", hex32((int) header.nextCommand()));
        field("MessageId", Long.toUnsignedString(header.messageId()));
        if (header.isAsync()) {
            field("AsyncId", String.format("0x%016X", header.asyncId()));
        } else {
            field("Reserved", hex32(header.processId()));
            field("TreeId", hex32(header.treeId()));
        }
        field("SessionId", String.format("0x%016X", header.sessionId()));
        field("Signature", header.signature().toHex());
        depth--;
    }

    private void body(Smb2Body body) {
        if (body instanceof NegotiateRequest request) {
            negotiateRequest(request);
        } else if (body instanceof NegotiateResponse response) {
            negotiateResponse(response);
        } else {
            components(body);
        }
    }

    private void negotiateRequest(NegotiateRequest request) {
        field("StructureSize", "36");
        field("DialectCount", Integer.toString(request.dialects().size()));
        field("SecurityMode", SecurityMode.NAMES.describe(request.securityMode(), 4));
        field("Capabilities", GlobalCapabilities.NAMES.describe(request.capabilities() & 0xFFFFFFFFL, 8));
        field("ClientGuid", request.clientGuid().toString());
        field("NegotiateContextOffset", hex32(NegotiateCodecs.contextOffset(request)));
        field("NegotiateContextCount", Integer.toString(request.negotiateContexts().size()));
        line("Dialects");
        depth++;
        request.dialects().forEach(dialect -> field("Dialect", dialect.describe()));
        depth--;
        contexts(request.negotiateContexts());
    }

    private void negotiateResponse(NegotiateResponse response) {
        field("StructureSize", "65");
        field("SecurityMode", SecurityMode.NAMES.describe(response.securityMode(), 4));
        field("DialectRevision", response.dialectRevision().describe());
        field("NegotiateContextCount", Integer.toString(response.negotiateContexts().size()));
        field("ServerGuid", response.serverGuid().toString());
        field("Capabilities", GlobalCapabilities.NAMES.describe(response.capabilities() & 0xFFFFFFFFL, 8));
        field("MaxTransactSize", Long.toString(response.maxTransactSize()));
        field("MaxReadSize", Long.toString(response.maxReadSize()));
        field("MaxWriteSize", Long.toString(response.maxWriteSize()));
        field("SystemTime", String.format("0x%016X", response.systemTime()));
        field("ServerStartTime", String.format("0x%016X", response.serverStartTime()));
        field("SecurityBufferOffset", hex32(NegotiateCodecs.securityBufferOffset(response)));
        field("SecurityBufferLength", Integer.toString(response.securityBuffer().length()));
        field("NegotiateContextOffset", hex32(NegotiateCodecs.contextOffset(response)));
        field("Buffer", scalar(response.securityBuffer()));
        contexts(response.negotiateContexts());
    }

    private void contexts(List<NegotiateContext> contexts) {
        if (contexts.isEmpty()) {
            return;
        }
        line("NegotiateContextList");
        depth++;
        for (NegotiateContext context : contexts) {
            line("NegotiateContext");
            depth++;
            field("ContextType", context.type().describe());
            field("DataLength", Integer.toString(NegotiateContextCodec.dataLength(context)));
            if (context instanceof TransportCapabilities transport) {
                field("Flags", ContextFlags.TRANSPORT_NAMES.describe(transport.flags() & 0xFFFFFFFFL, 8));
            } else if (context instanceof CompressionCapabilities compression) {
                field("CompressionAlgorithmCount", Integer.toString(compression.algorithms().size()));
                field("Flags", ContextFlags.COMPRESSION_NAMES.describe(compression.flags() & 0xFFFFFFFFL, 8));
                compression.algorithms().forEach(algorithm -> field("CompressionAlgorithm", algorithm.describe()));
            } else {
                components(context);
            }
            depth--;
        }
        depth--;
    }

    private void transform(TransformMessage transform) {
        line("SMB2 TRANSFORM_HEADER (" + (52 + transform.encryptedMessage().length()) + " bytes)");
        depth++;
        field("ProtocolId", "0xFD 'SMB'");
        field("Signature", transform.header().signature().toHex());
        field("Nonce", transform.header().nonce().toHex());
        field("OriginalMessageSize", Long.toString(transform.header().originalMessageSize()));
        field("Flags", transform.header().flags() == 1 ? "SMB2_TRANSFORM_HEADER_FLAG_ENCRYPTED (0x0001)"
                : String.format("0x%04X", transform.header().flags()));
        field("SessionId", String.format("0x%016X", transform.header().sessionId()));
        field("EncryptedMessage", transform.encryptedMessage().toString());
        depth--;
    }

    /** Every component of a record, named as the spec names the field. */
    private void components(Record record) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String name = specName(component.getName());
            if (value instanceof List<?> list) {
                line(name + " (" + list.size() + ")");
                depth++;
                list.forEach(this::value);
                depth--;
            } else if (value instanceof Record nested && !(value instanceof SpecCode) && !(value instanceof FileId)) {
                line(name);
                depth++;
                components(nested);
                depth--;
            } else {
                field(name, scalar(value));
            }
        }
    }

    private void components(Object object) {
        if (object instanceof Record record) {
            components(record);
        } else {
            line(String.valueOf(object));
        }
    }

    private void value(Object value) {
        if (value instanceof Record record && !(value instanceof SpecCode)) {
            line(value.getClass().getSimpleName());
            depth++;
            components(record);
            depth--;
        } else {
            line(scalar(value));
        }
    }

    private static String scalar(Object value) {
        if (value instanceof SpecCode code) {
            return code.describe();
        }
        if (value instanceof Integer number) {
            return hex32(number);
        }
        if (value instanceof FileId fileId) {
            return String.format("%016X:%016X", fileId.persistent(), fileId.volatileId());
        }
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        if (value instanceof Bytes bytes) {
            return bytes.isEmpty() ? "(empty)" : bytes.toString();
        }
        return String.valueOf(value);
    }

    private static String specName(String component) {
        return component.substring(0, 1).toUpperCase(Locale.ROOT) + component.substring(1);
    }

    private static String hex32(int value) {
        return String.format("0x%08X", value);
    }

    private void field(String name, String value) {
        line(name + ": " + value);
    }

    private void line(String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
    }
}
