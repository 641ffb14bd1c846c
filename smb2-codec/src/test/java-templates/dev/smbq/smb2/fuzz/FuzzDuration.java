package dev.smbq.smb2.fuzz;

/** How long each fuzz target runs: the build's {@code fuzz.duration} (10 s unless a long run raises it). */
final class FuzzDuration {
    static final String EACH = "${fuzz.duration}";

    private FuzzDuration() {
    }
}
