package dev.smbq.server;

import java.util.BitSet;

/**
 * [MS-SMB2] 3.3.1.1 the command sequence window: the MessageIds a client may use next. It starts as {0}; every
 * credit granted adds the next id; each request uses up its MessageId and, with multi-credit requests, the
 * CreditCharge ids that follow. A MessageId outside the window, or used before, ends the connection (3.3.5.2.3).
 * Not thread-safe: one connection's requests are handled in order.
 */
final class CreditWindow {
    private final int maxOutstanding;
    private long low;
    private long high = 1;
    /** Bit i set: id low + i is used up (only ids above low can be; low itself is always unused). */
    private final BitSet used = new BitSet();

    /** @param maxOutstanding the most credits a client may hold at once */
    CreditWindow(int maxOutstanding) {
        this.maxOutstanding = maxOutstanding;
    }

    /** Uses up {@code charge} ids from {@code messageId}; false if any is outside the window or was used already. */
    boolean consume(long messageId, int charge) {
        int count = Math.max(1, charge);
        if (messageId < low || messageId > high - count || high - count < low) {
            return false;
        }
        int first = (int) (messageId - low);
        if (used.get(first, first + count).cardinality() != 0) {
            return false;
        }
        used.set(first, first + count);
        int advance = used.nextClearBit(0);
        if (advance > 0) {
            low += advance;
            BitSet shifted = used.get(advance, Math.max(advance, used.length()));
            used.clear();
            used.or(shifted);
        }
        return true;
    }

    /** Credits the client holds now (ids in the window not yet used). */
    long outstanding() {
        return high - low - used.cardinality();
    }

    /**
     * Grants up to {@code requested} credits (at least one while the client holds none, so it can always go on),
     * within the maximum; returns how many were granted.
     */
    int grant(int requested) {
        long room = maxOutstanding - outstanding();
        int granted = (int) Math.max(0, Math.min(requested, room));
        if (granted == 0 && outstanding() == 0) {
            granted = 1;
        }
        high += granted;
        return granted;
    }
}
