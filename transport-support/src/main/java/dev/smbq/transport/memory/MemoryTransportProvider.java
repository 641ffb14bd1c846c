package dev.smbq.transport.memory;

import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.transport.TransportAcceptor;
import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TransportProvider;
import java.util.Locale;

/**
 * An in-process transport: client and server in one JVM exchange framed bytes through memory, with no socket and no
 * encryption. For tests, traces and benchmarks of the SMB layer alone. Addresses are names: a listener on port 0 gets
 * the next free number, and a connector reaches it by that number.
 *
 * <p>Backend option {@code kind} ({@code tcp}, the default, or {@code quic}) sets what negotiation believes it runs
 * on; as {@code quic} it shows the transport-capabilities exchange, although nothing here encrypts.
 */
public final class MemoryTransportProvider implements TransportProvider {
    public static final String ID = "memory";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TransportKind kind() {
        return TransportKind.TCP;
    }

    @Override
    public int defaultPort() {
        return 445;
    }

    @Override
    public TransportConnector connector(TransportOptions options) {
        return new MemoryConnector(options, kindOf(options));
    }

    @Override
    public TransportAcceptor acceptor(TransportOptions options) {
        return new MemoryAcceptor(options, kindOf(options));
    }

    private static TransportKind kindOf(TransportOptions options) {
        String kind = options.backendOptions().getOrDefault("kind", "tcp").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "tcp" -> TransportKind.TCP;
            case "quic" -> TransportKind.QUIC;
            default -> throw new IllegalArgumentException("backend option kind takes tcp or quic, not " + kind);
        };
    }
}
