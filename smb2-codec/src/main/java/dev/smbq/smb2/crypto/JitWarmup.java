package dev.smbq.smb2.crypto;

import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gets the JDK's AES-GMAC code compiled before large messages need it. The JDK takes a GMAC's whole message as GCM
 * additional data and hashes it in one GHASH call, whose CLMUL code is used only once C2 has compiled the caller;
 * until then a 1 MiB message is hashed at tens of MiB/s (about 10 ms). That cannot be cut into pieces from outside
 * the JDK (it buffers additional data), so servers and clients start this once: twenty thousand GMACs of 1 KiB,
 * about 0.1 s of one core on a background thread, after which a 1 MiB GMAC runs at GiB/s. Only a fixed dummy key is
 * used; nothing secret passes through here.
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
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
            byte[] message = new byte[SIZE];
            byte[] nonce = new byte[12];
            for (int round = 0; round < ROUNDS; round++) {
                nonce[0] = (byte) round;
                nonce[1] = (byte) (round >>> 8);
                gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                gcm.updateAAD(message);
                gcm.doFinal();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has AES/GCM", e);
        }
    }
}
