package dev.smbq.transport.memory;

import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.transport.ChannelInfo;
import dev.smbq.smb2.transport.MessageListener;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportStatistics;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.DirectTcpFraming;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.transport.TransportOptions;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One end of an in-memory connection. Each message sent is framed with the Direct TCP header and handed, in order, to
 * the other end's thread, which runs it through the shared framing decoder (so the length checks apply) and delivers
 * it to its listener.
 */
final class MemoryChannel implements SmbChannel {
    /** Closes connections idle for longer than their timeout, as the network transports do. */
    private static final ScheduledExecutorService IDLE_CHECKS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "smbq-memory-idle");
        thread.setDaemon(true);
        return thread;
    });

    private final ChannelInfo info;
    private final ExecutorService inbound;
    private final DirectTcpFraming.Decoder decoder;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    /** Messages that arrived before {@link #start}; touched only on the inbound thread. */
    private final List<Bytes> early = new ArrayList<>();
    private final ScheduledFuture<?> idleCheck;
    private volatile long lastActivity = System.nanoTime();
    private MemoryChannel peer;
    private MessageListener listener;

    private MemoryChannel(ChannelInfo info, Duration idleTimeout) {
        this.info = info;
        this.decoder = new DirectTcpFraming.Decoder(info.maxMessageSize());
        this.inbound = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "smbq-memory-" + info.localAddress().getPort());
            thread.setDaemon(true);
            return thread;
        });
        long idleNanos = idleTimeout.toNanos();
        long period = Math.max(1, Math.min(idleTimeout.toMillis() / 4, 1000));
        this.idleCheck = IDLE_CHECKS.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - lastActivity > idleNanos) {
                closeGracefully();
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    /** A connected pair: the client's end first. */
    static MemoryChannel[] pair(TransportKind kind, InetSocketAddress client, TransportOptions clientOptions,
                                InetSocketAddress server, TransportOptions serverOptions) {
        MemoryChannel clientEnd = new MemoryChannel(new ChannelInfo(kind, MemoryTransportProvider.ID, client, server, "",
                List.of(), false, clientOptions.maxMessageSize()), clientOptions.idleTimeout());
        MemoryChannel serverEnd = new MemoryChannel(new ChannelInfo(kind, MemoryTransportProvider.ID, server, client, "",
                List.of(), false, serverOptions.maxMessageSize()), serverOptions.idleTimeout());
        clientEnd.peer = serverEnd;
        serverEnd.peer = clientEnd;
        return new MemoryChannel[] {clientEnd, serverEnd};
    }

    @Override
    public ChannelInfo info() {
        return info;
    }

    @Override
    public void start(MessageListener newListener) {
        boolean accepted = run(() -> {
            if (listener != null) {
                throw new IllegalStateException("already started");
            }
            listener = newListener;
            early.forEach(message -> listener.onMessage(this, message));
            early.clear();
        });
        if (!accepted) {
            newListener.onClosed(this, null); // closed before anyone listened
        }
    }

    @Override
    public CompletableFuture<Void> send(Bytes message) {
        if (closed.isDone()) {
            return CompletableFuture.failedFuture(new IllegalStateException("channel closed"));
        }
        byte[] framed = DirectTcpFraming.frame(message.toByteArray());
        bytesSent.addAndGet(framed.length);
        lastActivity = System.nanoTime();
        peer.run(() -> peer.receive(framed));
        return CompletableFuture.completedFuture(null);
    }

    private void receive(byte[] framed) {
        if (closed.isDone()) {
            return;
        }
        bytesReceived.addAndGet(framed.length);
        lastActivity = System.nanoTime();
        try {
            decoder.feed(ByteBuffer.wrap(framed), message -> {
                Bytes bytes = Bytes.wrap(message);
                if (listener == null) {
                    early.add(bytes);
                } else {
                    listener.onMessage(this, bytes);
                }
            });
        } catch (SmbDecodeException e) {
            end(e);
            peer.run(() -> peer.end(null));
        }
    }

    @Override
    public boolean isWritable() {
        return !closed.isDone();
    }

    @Override
    public CompletableFuture<TransportStatistics> statistics() {
        return CompletableFuture.completedFuture(new TransportStatistics(bytesSent.get(), bytesReceived.get(), -1, -1, -1));
    }

    /** Whatever was sent before still arrives at the other end, then both ends close. */
    @Override
    public CompletableFuture<Void> closeGracefully() {
        peer.run(() -> peer.end(null));
        run(() -> end(null));
        return closed;
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closed;
    }

    /** Runs on this end's inbound thread: closes it and tells the listener, once. */
    private void end(Throwable cause) {
        if (closed.isDone()) {
            return;
        }
        if (listener != null) {
            listener.onClosed(this, cause);
        }
        idleCheck.cancel(false);
        closed.complete(null);
        inbound.shutdown();
    }

    /** Queues {@code task} on this end's inbound thread; false if this end is closed already. */
    private boolean run(Runnable task) {
        try {
            inbound.execute(task);
            return true;
        } catch (RejectedExecutionException alreadyClosed) {
            return false;
        }
    }
}
