package dev.smbq.smb2.transport;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The server side of a transport: listens and hands each new channel to the server. */
public interface TransportAcceptor extends AutoCloseable {
    /**
     * Starts listening on {@code local} (port 0 picks a free one) and passes each new channel to
     * {@code onChannel}; the future gives the address actually bound.
     */
    CompletableFuture<InetSocketAddress> listen(InetSocketAddress local, Consumer<SmbChannel> onChannel);

    /** Stops listening, closes the channels it accepted and releases its threads. */
    @Override
    void close();
}
