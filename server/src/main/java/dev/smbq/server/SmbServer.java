package dev.smbq.server;

import dev.smbq.smb2.crypto.JitWarmup;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportAcceptor;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.Transports;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SMB server: listens on any number of endpoints (QUIC on either backend, TCP) at once and keeps one
 * connection state per transport channel. Requests are handled off the transport threads, in order per connection.
 */
public final class SmbServer implements AutoCloseable {
    private final ServerConfig config;
    private final List<TransportAcceptor> acceptors = new CopyOnWriteArrayList<>();
    private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final ByteRangeLocks locks = new ByteRangeLocks();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong internalErrors = new java.util.concurrent.atomic.AtomicLong();

    public SmbServer(ServerConfig config) {
        this.config = config;
        JitWarmup.startInBackground();
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "smbq-server-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public ServerConfig config() {
        return config;
    }

    /** Listens with transport {@code transportId} on {@code address}; returns the address bound (port 0 picks one). */
    public InetSocketAddress listen(String transportId, InetSocketAddress address, TransportOptions options) {
        TransportAcceptor acceptor = Transports.byId(transportId).acceptor(options);
        acceptors.add(acceptor);
        return acceptor.listen(address, this::accept).join();
    }

    private void accept(SmbChannel channel) {
        ServerConnection connection = new ServerConnection(config, channel, new SerialExecutor(workers), locks,
                this::internalError);
        connections.add(connection);
        channel.closeFuture().thenRun(() -> connections.remove(connection));
        channel.start(connection);
    }

    /** A bug met while handling a message: counted, and reported on standard error, as its connection closes. */
    private void internalError(RuntimeException error) {
        internalErrors.incrementAndGet();
        System.err.println("smbq server: internal error, the connection is closed (please report it):");
        error.printStackTrace();
    }

    /** How many messages met a bug in the server (each closed its connection); zero is the only right answer. */
    public long internalErrorCount() {
        return internalErrors.get();
    }

    /** Connections open now. */
    public int connectionCount() {
        return connections.size();
    }

    /**
     * Closes every connection gracefully (clients see the end at once, not at their idle timeout), stops listening
     * and waits briefly for requests in progress. Closing again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<?>[] closing = connections.stream().map(connection -> connection.channel().closeGracefully())
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // a connection that does not close in time goes with its acceptor below
        }
        acceptors.forEach(TransportAcceptor::close);
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
