package dev.smbq.smb2.transport;

import dev.smbq.smb2.negotiate.TransportKind;

/**
 * A transport backend, found by {@link java.util.ServiceLoader} under its {@link #id()}. Implementations live in
 * their own modules ({@code tcp-transport}, {@code quic-transport-netty}, {@code quic-transport-kwik}) and are
 * listed in {@code META-INF/services/dev.smbq.smb2.transport.TransportProvider}.
 */
public interface TransportProvider {
    /** {@code tcp}, {@code quic-netty} or {@code quic-kwik}. */
    String id();

    TransportKind kind();

    /** 445 for Direct TCP, 443 (UDP) for QUIC. */
    int defaultPort();

    /** A client side; close it to release its threads. */
    TransportConnector connector(TransportOptions options);

    /** A server side; close it to stop listening and release its threads. */
    TransportAcceptor acceptor(TransportOptions options);
}
