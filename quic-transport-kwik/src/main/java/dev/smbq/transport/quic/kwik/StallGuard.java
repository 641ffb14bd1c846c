package dev.smbq.transport.quic.kwik;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The watchdog that keeps kwik 0.10.8's send path moving, through kwik's public API only.
 *
 * <p>The stall: when a stream's output buffer is written to, kwik reads its count of queued send requests, hands a
 * request to its sender thread, and only then increments the count. The sender can take the request and decrement
 * first, see -1, and not schedule again: the data stays in the 50 KiB buffer, unsent, until the connection dies of
 * idleness. It hits bulk transfers and, most of all, request/response traffic like SMB's.
 *
 * <p>The remedy, ticking every millisecond over every guarded stream ({@link GuardedOutput}):
 * <ol>
 *   <li>a writer blocked in {@code write} for more than {@link #BLOCKED_MILLIS} is interrupted; it then writes zero
 *       bytes (which never blocks, and runs the scheduling path again) and retries its piece, which is small enough
 *       (16 KiB) to be buffered whole or not at all;</li>
 *   <li>a writer that is not writing while the connection has not yet sent the stream data handed to it, with no
 *       progress for {@link #IDLE_MILLIS}, gets the zero-byte write from the watchdog itself (the stall that catches
 *       a response's last write, when nobody is blocked to notice); likewise, a bounded number of times, after the
 *       connection reports new packet losses.</li>
 * </ol>
 * One daemon thread serves every connection of the process.
 */
final class StallGuard {
    static final long BLOCKED_MILLIS = 20;
    static final long IDLE_MILLIS = 1;

    private static final Set<GuardedOutput> GUARDED = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "smbq-kwik-stall-guard");
        thread.setDaemon(true);
        return thread;
    });

    static {
        TICKER.scheduleWithFixedDelay(StallGuard::tick, 1, 1, TimeUnit.MILLISECONDS);
    }

    private StallGuard() {
    }

    static void guard(GuardedOutput output) {
        GUARDED.add(output);
    }

    static void release(GuardedOutput output) {
        GUARDED.remove(output);
    }

    private static void tick() {
        long now = System.nanoTime();
        for (GuardedOutput output : GUARDED) {
            try {
                output.check(now);
            } catch (RuntimeException e) {
                // a connection going away while it is checked; the next tick no longer sees it
            }
        }
    }
}
