package dev.smbq.transport.quic.kwik;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import tech.kwik.core.QuicConnection;
import tech.kwik.core.Statistics;

/**
 * The output side of one kwik stream, written by one writer thread in pieces of at most {@link #PIECE} bytes and
 * watched by {@link StallGuard}. Interrupts reach the writer only inside a guarded {@code write}, and only from the
 * watchdog; any other interrupt is a real one and propagates.
 */
final class GuardedOutput {
    /** Well under kwik's fixed 50 KiB send buffer, so a piece is buffered whole or not at all. */
    static final int PIECE = 16 * 1024;
    private static final byte[] NOTHING = new byte[0];
    private static final int MAX_LOSS_KICKS = 10;

    private final QuicConnection connection;
    private final OutputStream out;
    private final Object guard = new Object();
    private Thread writer;
    private boolean inWrite;
    private long writeStartNanos;
    private boolean interruptRequested;
    private boolean closing;
    private boolean kickedSinceData;
    private long expectedSent;
    private long lastSent = -1;
    private long lastProgressNanos = System.nanoTime();
    private long lastLost;
    private int lossKicks;
    private long lastWriteNanos = System.nanoTime();
    /** Losses matter to the kicks only this soon after data was written; an idle connection is left alone. */
    private static final long RECENT_WRITE_NANOS = TimeUnit.SECONDS.toNanos(1);

    GuardedOutput(QuicConnection connection, OutputStream out) {
        this.connection = connection;
        this.out = out;
        StallGuard.guard(this);
    }

    /** Writes all of {@code data} from the calling (writer) thread. */
    void write(byte[] data, int offset, int length) throws IOException {
        for (int position = offset; position < offset + length; position += PIECE) {
            writePiece(data, position, Math.min(PIECE, offset + length - position));
        }
    }

    private void writePiece(byte[] data, int offset, int length) throws IOException {
        long sentBefore = connection.getStats().dataBytesSent();
        while (true) {
            synchronized (guard) {
                writer = Thread.currentThread();
                inWrite = true;
                writeStartNanos = System.nanoTime();
            }
            try {
                out.write(data, offset, length);
            } catch (InterruptedIOException e) {
                boolean fromWatchdog;
                synchronized (guard) {
                    inWrite = false;
                    fromWatchdog = interruptRequested;
                    interruptRequested = false;
                    Thread.interrupted();
                    if (fromWatchdog) {
                        kick();
                    }
                }
                if (!fromWatchdog) {
                    throw e;
                }
                continue;
            }
            synchronized (guard) {
                inWrite = false;
                if (interruptRequested) {
                    // the watchdog fired just as the write completed: drop its interrupt
                    interruptRequested = false;
                    Thread.interrupted();
                }
                // kwik counts stream bytes sent, retransmissions included: once this piece is out the count reaches
                // at least this much, whatever else was sent meanwhile
                expectedSent = Math.max(expectedSent, sentBefore) + length;
                lastWriteNanos = System.nanoTime();
                kickedSinceData = false;
            }
            return;
        }
    }

    /**
     * Ends the stream. A FIN after a zero-byte write is not sent by kwik 0.10.8, so when the last thing written was
     * a kick this returns false and the caller ends the connection instead.
     */
    boolean finish() throws IOException {
        boolean finPossible;
        synchronized (guard) {
            closing = true;
            finPossible = !kickedSinceData;
        }
        if (finPossible) {
            out.close();
        }
        return finPossible;
    }

    /** Waits (up to {@code timeoutMillis}) until the connection has sent every byte handed to it at least once. */
    void awaitSent(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (connection.getStats().dataBytesSent() < expectedSent() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    private long expectedSent() {
        synchronized (guard) {
            return expectedSent;
        }
    }

    void release() {
        StallGuard.release(this);
    }

    /** One watchdog tick. */
    void check(long now) {
        synchronized (guard) {
            if (closing) {
                return;
            }
            if (inWrite) {
                if (!interruptRequested && now - writeStartNanos > TimeUnit.MILLISECONDS.toNanos(StallGuard.BLOCKED_MILLIS)) {
                    interruptRequested = true;
                    writer.interrupt();
                }
                return;
            }
            Statistics stats = connection.getStats();
            long sent = stats.dataBytesSent();
            long lost = stats.lostPackets();
            if (sent != lastSent) {
                lastSent = sent;
                lastProgressNanos = now;
            }
            if (lost != lastLost) {
                lastLost = lost;
                lossKicks = 0;
            }
            boolean stalled = now - lastProgressNanos >= TimeUnit.MILLISECONDS.toNanos(StallGuard.IDLE_MILLIS);
            if (stalled && sent < expectedSent) {
                kick();
                lastProgressNanos = now;
            } else if (stalled && lossKicks < MAX_LOSS_KICKS && lastLost > 0 && now - lastWriteNanos < RECENT_WRITE_NANOS) {
                lossKicks++;
                kick();
                lastProgressNanos = now;
            }
        }
    }

    /** A zero-byte write: never blocks, and makes kwik schedule the stream's buffered data. Holds the guard. */
    private void kick() {
        try {
            out.write(NOTHING, 0, 0);
            kickedSinceData = true;
        } catch (IOException e) {
            // the stream is gone; the reader side reports the close
        }
    }
}
