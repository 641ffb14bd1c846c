package dev.smbq.smb2.crypto;

import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gets the code behind AES-GMAC signing and AES-GCM sealing compiled before large messages need it. {@link JdkGmac}
 * runs each message through the JDK's AES-CTR and AES-GCM, as GCM sealing and unsealing do, and their AES-NI and
 * carry-less multiplication code is used only once C2 has compiled the callers; until then a 1 MiB message is hashed
 * or sealed at tens of MiB/s (10 ms or more). So servers and clients start this once: twenty thousand GMACs of 1 KiB,
 * about 0.1 s of one core on a background thread, after which a 1 MiB GMAC or seal runs at GiB/s. Code that seals
 * without a client or server starts it too. Only a fixed dummy key is used; nothing secret passes through here.
 */
public final class JitWarmup {
    private static final int ROUNDS = 20_000;
    private static final int SIZE = 1024;
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private JitWarmup() {
    }

    /** Starts the warm-up on a low-priority daemon thread, the first time it is called in this JVM. */
    public static void startInBackground() {
        if (STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(JitWarmup::run, "smbq-jit-warmup");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    /** Runs the warm-up on this thread (benchmarks call it in their setup). */
    public static void run() {
        try {
            JdkGmac gmac = new JdkGmac(new byte[16]);
            byte[] header = new byte[64];
            byte[] message = new byte[SIZE];
            byte[] nonce = new byte[JdkGmac.NONCE_SIZE];
            for (int round = 0; round < ROUNDS; round++) {
                nonce[0] = (byte) round;
                nonce[1] = (byte) (round >>> 8);
                gmac.mac(nonce, header, message, 0, message.length);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has AES/CTR and AES/GCM", e);
        }
    }
}
