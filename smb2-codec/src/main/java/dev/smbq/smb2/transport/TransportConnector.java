package dev.smbq.smb2.transport;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/** The client side of a transport: opens channels to servers. */
public interface TransportConnector extends AutoCloseable {
    /**
     * Connects to {@code remote}; {@code serverName} is the name the server's certificate must carry (QUIC), and the
     * SNI sent.
     */
    CompletableFuture<SmbChannel> connect(InetSocketAddress remote, String serverName);

    /** Closes every channel it opened and releases its threads. */
    @Override
    void close();
}
