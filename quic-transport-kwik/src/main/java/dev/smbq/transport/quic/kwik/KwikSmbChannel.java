package dev.smbq.transport.quic.kwik;

import dev.smbq.smb2.transport.ChannelInfo;
import dev.smbq.smb2.transport.MessageListener;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportStatistics;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.DirectTcpFraming;
import dev.smbq.smb2.wire.SmbDecodeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tech.kwik.core.ConnectionListener;
import tech.kwik.core.ConnectionTerminatedEvent;
import tech.kwik.core.QuicConnection;
import tech.kwik.core.QuicStream;
import tech.kwik.core.Statistics;

/**
 * An {@link SmbChannel} on a kwik stream. kwik's streams block, so each channel has its own reader thread (framing
 * decoder, then the listener) and its own writer thread (messages in order, in guarded 16 KiB pieces, see
 * {@link GuardedOutput}); {@link #send} only queues.
 *
 * <p>Closing gracefully: the writer sends FIN behind every queued message; the side that then sees the peer's FIN
 * closes the connection, a side that sees FIN first answers with its own and lets the peer close, within
 * {@link #CLOSE_GRACE_SECONDS}. Where kwik cannot send the FIN (see {@link GuardedOutput#finish()}), the writer waits
 * until everything was sent and closes the connection itself.
 */
final class KwikSmbChannel implements SmbChannel {
    static final int CLOSE_GRACE_SECONDS = 10;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "smbq-kwik-close-timer");
        thread.setDaemon(true);
        return thread;
    });

    private final QuicConnection connection;
    private final QuicStream stream;
    private final ChannelInfo info;
    private final GuardedOutput output;
    private final ExecutorService writer;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile MessageListener listener;
    private volatile Throwable failure;
    private volatile boolean finSent;
    private volatile boolean finReceived;
    private volatile long lastActivityNanos = System.nanoTime();
    private final java.util.concurrent.ScheduledFuture<?> idleCheck;

    KwikSmbChannel(QuicConnection connection, QuicStream stream, ChannelInfo info, java.time.Duration idleTimeout) {
        this.connection = connection;
        this.stream = stream;
        this.info = info;
        this.output = new GuardedOutput(connection, stream.getOutputStream());
        int number = COUNTER.incrementAndGet();
        this.writer = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "smbq-kwik-writer-" + number));
        connection.setConnectionListener(new ConnectionListener() {
            @Override
            public void disconnected(ConnectionTerminatedEvent event) {
                terminated();
            }
        });
        // kwik's own idle timer does not always end a connection that stays quiet (seen under load): this channel
        // enforces the idle timeout itself, from the traffic it sees
        long idleNanos = idleTimeout.toNanos();
        long period = Math.max(1, idleTimeout.toMillis() / 4);
        idleCheck = TIMERS.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - lastActivityNanos > idleNanos) {
                closeConnection();
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public ChannelInfo info() {
        return info;
    }

    @Override
    public void start(MessageListener messageListener) {
        if (listener != null) {
            throw new IllegalStateException("the channel is already started");
        }
        listener = messageListener;
        daemon(this::readLoop, "smbq-kwik-reader-" + COUNTER.get()).start();
    }

    private void readLoop() {
        DirectTcpFraming.Decoder decoder = new DirectTcpFraming.Decoder(info.maxMessageSize());
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = stream.getInputStream()) {
            while (true) {
                int read = in.read(buffer);
                if (read < 0) {
                    peerFinished();
                    return;
                }
                lastActivityNanos = System.nanoTime();
                decoder.feed(ByteBuffer.wrap(buffer, 0, read), message -> listener.onMessage(this, Bytes.wrap(message)));
            }
        } catch (SmbDecodeException e) {
            failure = e;
            closeConnection();
        } catch (IOException e) {
            // the stream was aborted: the connection is gone (idle timeout, reset, close)
            closeConnection();
        }
    }

    private void peerFinished() {
        finReceived = true;
        if (finSent) {
            closeConnection();
        } else {
            closeGracefully();
        }
    }

    @Override
    public CompletableFuture<Void> send(Bytes message) {
        return send(List.of(message));
    }

    /** The pieces are copied once, behind the framing header, into the array the writer thread hands to kwik. */
    @Override
    public CompletableFuture<Void> send(List<Bytes> pieces) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        int length = Bytes.totalLength(pieces);
        byte[] framed = new byte[DirectTcpFraming.HEADER_SIZE + length];
        DirectTcpFraming.writeHeader(ByteBuffer.wrap(framed), length);
        Bytes.copyAll(pieces, framed, DirectTcpFraming.HEADER_SIZE);
        try {
            writer.execute(() -> {
                try {
                    output.write(framed, 0, framed.length);
                    lastActivityNanos = System.nanoTime();
                    done.complete(null);
                } catch (IOException e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            done.completeExceptionally(new IOException("channel closed", e));
        }
        return done;
    }

    @Override
    public boolean isWritable() {
        // kwik buffers 50 KiB per stream and blocks the writer thread beyond that; the queue in front of it is ours
        return !closed.isDone();
    }

    @Override
    public CompletableFuture<TransportStatistics> statistics() {
        Statistics stats = connection.getStats();
        return CompletableFuture.completedFuture(new TransportStatistics(stats.bytesSent(), -1, stats.packetsSent(), -1,
                stats.lostPackets()));
    }

    @Override
    public CompletableFuture<Void> closeGracefully() {
        try {
            writer.execute(() -> {
                if (finSent) {
                    return;
                }
                finSent = true;
                try {
                    if (!output.finish()) {
                        output.awaitSent(TimeUnit.SECONDS.toMillis(CLOSE_GRACE_SECONDS));
                        closeConnection();
                        return;
                    }
                } catch (IOException | InterruptedException e) {
                    closeConnection();
                    return;
                }
                if (finReceived) {
                    closeConnection();
                } else {
                    TIMERS.schedule(this::closeConnection, CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException alreadyClosed) {
            // the writer is gone because the connection is
        }
        return closed;
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closed;
    }

    /**
     * Closes the connection and records the channel as closed at once: kwik reports terminations through its
     * connection listener, but not for every way a connection ends, so this channel does not wait for it.
     */
    private void closeConnection() {
        connection.close();
        terminated();
    }

    /** The connection is gone: stop the threads and tell the listener once. */
    private synchronized void terminated() {
        if (closed.isDone()) {
            return;
        }
        output.release();
        idleCheck.cancel(false);
        writer.shutdownNow();
        MessageListener current = listener;
        if (current != null) {
            current.onClosed(this, failure);
        }
        closed.complete(null);
    }
}
