package dev.smbq.smb2.transport;

import dev.smbq.smb2.wire.Bytes;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One [MS-SMB2] connection as a transport carries it: one TCP connection, or the single client-opened bidirectional
 * stream of one QUIC connection. It moves whole SMB2 messages (without the 4-byte Direct TCP header, which the
 * transport adds and removes with the shared framer) and says what it is.
 *
 * <p>Reading starts when {@link #start} gives the channel its listener; messages are delivered in order, one at a
 * time, on a transport thread that the listener must not block for long.
 */
public interface SmbChannel extends AutoCloseable {
    ChannelInfo info();

    /** Starts delivering received messages to {@code listener}; call once. */
    void start(MessageListener listener);

    /**
     * Queues one message (an SMB2 message, compound chain, transform or compressed message) for sending. The future
     * completes when the transport has taken the bytes; a sender that wants backpressure waits for it or checks
     * {@link #isWritable()}.
     */
    CompletableFuture<Void> send(Bytes message);

    /**
     * Queues one message given in pieces, sent back to back as one framed message: a sender that holds a large
     * payload elsewhere (a WRITE's data) need not copy it behind the header first. This default joins them; a
     * transport that can send from several buffers overrides it.
     */
    default CompletableFuture<Void> send(List<Bytes> pieces) {
        return send(Bytes.concat(pieces));
    }

    /** False while the transport's send buffer is above its high-water mark. */
    boolean isWritable();

    /** Current counters of the underlying connection. */
    CompletableFuture<TransportStatistics> statistics();

    /** Closes gracefully: what was queued before is still sent. */
    CompletableFuture<Void> closeGracefully();

    /** Completes when the channel is closed, by either side or by an error. */
    CompletableFuture<Void> closeFuture();

    @Override
    default void close() {
        closeGracefully().join();
    }
}
