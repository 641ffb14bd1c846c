package dev.smbq.smb2.fuzz;

import dev.smbq.smb2.wire.SmbDecodeException;

/** What every decoder fuzz target asserts: bad input may only surface as the codec's own decode error. */
final class FuzzTargets {
    private FuzzTargets() {
    }

    static void onlyDecodeErrors(Runnable decode) {
        try {
            decode.run();
        } catch (SmbDecodeException expected) {
            // the one allowed outcome for malformed input
        }
    }
}
