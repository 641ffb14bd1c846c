package dev.smbq.transport.memory;

import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportAcceptor;
import dev.smbq.smb2.transport.TransportOptions;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Listens under a port number in this JVM's registry of memory listeners. */
final class MemoryAcceptor implements TransportAcceptor {
    /** The listeners of this JVM, by port. */
    static final Map<Integer, MemoryAcceptor> LISTENERS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(1);

    private final TransportOptions options;
    private final TransportKind kind;
    private final Set<MemoryChannel> accepted = ConcurrentHashMap.newKeySet();
    private volatile Consumer<SmbChannel> onChannel;
    private volatile int port;

    MemoryAcceptor(TransportOptions options, TransportKind kind) {
        this.options = options;
        this.kind = kind;
    }

    @Override
    public CompletableFuture<InetSocketAddress> listen(InetSocketAddress local, Consumer<SmbChannel> handler) {
        if (onChannel != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("already listening"));
        }
        onChannel = handler;
        int wanted = local.getPort();
        if (wanted == 0) {
            do {
                wanted = NEXT_PORT.getAndUpdate(next -> next == 0xFFFF ? 1 : next + 1);
            } while (LISTENERS.putIfAbsent(wanted, this) != null);
        } else if (LISTENERS.putIfAbsent(wanted, this) != null) {
            return CompletableFuture.failedFuture(new java.net.BindException("memory port " + wanted + " in use"));
        }
        port = wanted;
        return CompletableFuture.completedFuture(new InetSocketAddress(local.getAddress(), wanted));
    }

    /** A client arrives: the server's end of the new pair goes to the listener. */
    void accept(MemoryChannel serverEnd) {
        accepted.add(serverEnd);
        serverEnd.closeFuture().thenRun(() -> accepted.remove(serverEnd));
        onChannel.accept(serverEnd);
    }

    TransportOptions options() {
        return options;
    }

    TransportKind kind() {
        return kind;
    }

    @Override
    public void close() {
        LISTENERS.remove(port, this);
        accepted.forEach(MemoryChannel::closeGracefully);
    }
}
