package dev.smbq.smb2.spec;

import java.time.Instant;

/** [MS-DTYP] 2.3.3 FILETIME: 100-nanosecond intervals since 1601-01-01 UTC. */
public final class FileTimes {
    private static final long EPOCH_DIFFERENCE_SECONDS = 11_644_473_600L;

    private FileTimes() {
    }

    public static long fromInstant(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond() + EPOCH_DIFFERENCE_SECONDS, 10_000_000L),
                instant.getNano() / 100);
    }

    public static Instant toInstant(long fileTime) {
        return Instant.ofEpochSecond(Math.floorDiv(fileTime, 10_000_000L) - EPOCH_DIFFERENCE_SECONDS,
                Math.floorMod(fileTime, 10_000_000L) * 100);
    }
}
