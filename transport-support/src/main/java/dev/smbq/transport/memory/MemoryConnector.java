package dev.smbq.transport.memory;

import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.transport.TransportOptions;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Connects to a memory listener of this JVM by its port number. */
final class MemoryConnector implements TransportConnector {
    private static final AtomicInteger NEXT_CLIENT_PORT = new AtomicInteger(49152);

    private final TransportOptions options;
    private final TransportKind kind;
    private final Set<MemoryChannel> opened = ConcurrentHashMap.newKeySet();

    MemoryConnector(TransportOptions options, TransportKind kind) {
        this.options = options;
        this.kind = kind;
    }

    @Override
    public CompletableFuture<SmbChannel> connect(InetSocketAddress remote, String serverName) {
        MemoryAcceptor listener = MemoryAcceptor.LISTENERS.get(remote.getPort());
        if (listener == null) {
            return CompletableFuture.failedFuture(new ConnectException("no memory listener on port " + remote.getPort()));
        }
        if (listener.kind() != kind) {
            return CompletableFuture.failedFuture(new ConnectException("the memory listener on port " + remote.getPort()
                    + " is of kind " + listener.kind() + ", this connector of kind " + kind));
        }
        InetSocketAddress local = new InetSocketAddress(remote.getAddress(),
                NEXT_CLIENT_PORT.getAndUpdate(next -> next == 0xFFFF ? 49152 : next + 1));
        MemoryChannel[] pair = MemoryChannel.pair(kind, local, options, remote, listener.options());
        opened.add(pair[0]);
        pair[0].closeFuture().thenRun(() -> opened.remove(pair[0]));
        listener.accept(pair[1]);
        return CompletableFuture.completedFuture(pair[0]);
    }

    @Override
    public void close() {
        opened.forEach(MemoryChannel::closeGracefully);
    }
}
