package dev.smbq.smb2.auth;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** A random generator that hands out given byte strings, one per nextBytes call, to replay recorded exchanges. */
final class FixedRandom implements RandomGenerator {
    private final Deque<byte[]> values = new ArrayDeque<>();

    FixedRandom(String... hexValues) {
        for (String hex : hexValues) {
            values.add(HexFormat.of().parseHex(hex));
        }
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byte[] next = values.remove();
        if (next.length != bytes.length) {
            throw new IllegalStateException("asked for " + bytes.length + " bytes, have " + next.length);
        }
        System.arraycopy(next, 0, bytes, 0, bytes.length);
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException();
    }
}
