package dev.smbq.smb2.crypto;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The nonces of one encryption key: a 64-bit counter written little-endian into the first 8 bytes of the 16-byte
 * Nonce field, the rest zero. [MS-SMB2] 3.1.4.3: a nonce MUST be unique per key; a counter guarantees it where
 * random nonces only make repeats unlikely. When the counter is spent the key is refused, never wrapped.
 * Thread-safe: all channels of a session share their session's sequence.
 */
final class NonceSequence {
    private static final long EXHAUSTED = -1L; // 2^64 - 1 as an unsigned value

    private final AtomicLong next;

    NonceSequence() {
        this(0);
    }

    /** Starts at {@code first} (tests use values near the end of the space). */
    NonceSequence(long first) {
        next = new AtomicLong(first);
    }

    /** Writes the next nonce into {@code nonceField} (16 bytes). */
    void next(byte[] nonceField) {
        long counter = next.getAndUpdate(value -> value == EXHAUSTED ? EXHAUSTED : value + 1);
        if (counter == EXHAUSTED) {
            throw new IllegalStateException("nonce space of this key is exhausted: the session must be re-established");
        }
        for (int i = 0; i < 8; i++) {
            nonceField[i] = (byte) (counter >>> (8 * i));
        }
        java.util.Arrays.fill(nonceField, 8, 16, (byte) 0);
    }
}
