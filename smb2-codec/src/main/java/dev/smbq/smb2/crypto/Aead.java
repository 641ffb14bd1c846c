package dev.smbq.smb2.crypto;

import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.wire.Bytes;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AEAD behind SMB 3.x encryption: AES-GCM from the JDK (AES-NI); AES-CCM, which the JDK lacks, built by
 * {@link JdkCcm} from the JDK's CBC and CTR modes (also AES-NI).
 * Both produce a 16-byte tag; CCM takes an 11-byte nonce, GCM a 12-byte one. Not thread-safe.
 */
abstract class Aead {
    static final int TAG_SIZE = 16;

    abstract int nonceSize();

    /** Encrypts {@code length} bytes into {@code out} at {@code outOffset} and returns the tag. */
    abstract byte[] encrypt(byte[] nonce, byte[] aadBuffer, int aadOffset, int aadLength,
                            byte[] in, int inOffset, int length, byte[] out, int outOffset) throws GeneralSecurityException;

    /** Decrypts and authenticates {@code ciphertext}; throws on any mismatch, returning nothing the caller may use. */
    abstract byte[] decrypt(byte[] nonce, Bytes aad, Bytes ciphertext, byte[] tag) throws GeneralSecurityException;

    /**
     * Runs {@code input} through a counter-mode cipher into {@code output} in pieces of {@code scratch}'s size
     * (small calls get the JDK's AES-NI code compiled early; see {@link Gcm}).
     */
    static void ctrInPieces(Cipher ctr, Bytes input, byte[] output, byte[] scratch) throws GeneralSecurityException {
        for (int position = 0; position < input.length(); position += scratch.length) {
            int piece = Math.min(scratch.length, input.length() - position);
            input.copyTo(position, piece, scratch, 0);
            ctr.update(scratch, 0, piece, output, position);
        }
    }

    static Aead of(CipherId cipher, byte[] key) {
        int keySize = cipher.equals(CipherId.AES_256_CCM) || cipher.equals(CipherId.AES_256_GCM) ? 32 : 16;
        if (key.length != keySize) {
            throw new IllegalArgumentException(cipher + " takes a " + keySize + "-byte key, not " + key.length);
        }
        if (cipher.equals(CipherId.AES_128_GCM) || cipher.equals(CipherId.AES_256_GCM)) {
            return new Gcm(key);
        }
        if (cipher.equals(CipherId.AES_128_CCM) || cipher.equals(CipherId.AES_256_CCM)) {
            return new Ccm(key);
        }
        throw new IllegalArgumentException("no encryption with " + cipher);
    }

    /**
     * AES-GCM from the JDK, fed in {@link #PIECE}-byte pieces. The JDK's AES-NI code for GCM lives in C2-compiled
     * methods only, and one large call (a 1 or 8 MiB message) runs interpreted, at tens of MiB/s, until C2 compiles
     * its callers, which counts calls: {@link JitWarmup}, which clients and servers start, gets that done with many
     * small calls. The pieces bound each call, and are large enough that the few dozen bytes the JDK may allocate per
     * call (when C2 does not eliminate them) stay near a kilobyte per MiB. Encryption goes through update();
     * decryption, which the JDK would buffer whole until doFinal, is CTR from inc32(J0) (the GCM keystream) followed
     * by a GCM encryption of the result, whose tag must equal the one received. (So a message whose nonce repeats the
     * previous one's is refused: senders count their nonces up, and only a replay repeats one.)
     */
    private static final class Gcm extends Aead {
        private static final int PIECE = 64 * 1024;
        private final SecretKeySpec key;
        private final Cipher gcm;
        private final Cipher ctr;
        /** Pieces of ciphertext on their way in, then the re-encryption's output, which only its tag matters of. */
        private final byte[] scratch = new byte[PIECE + TAG_SIZE];

        Gcm(byte[] key) {
            this.key = new SecretKeySpec(key, "AES");
            try {
                gcm = Cipher.getInstance("AES/GCM/NoPadding");
                ctr = Cipher.getInstance("AES/CTR/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java runtime has AES/GCM and AES/CTR", e);
            }
        }

        @Override
        int nonceSize() {
            return 12;
        }

        @Override
        byte[] encrypt(byte[] nonce, byte[] aadBuffer, int aadOffset, int aadLength, byte[] in, int inOffset,
                       int length, byte[] out, int outOffset) throws GeneralSecurityException {
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_SIZE * 8, nonce));
            gcm.updateAAD(aadBuffer, aadOffset, aadLength);
            int written = 0;
            for (int position = 0; position < length; position += PIECE) {
                written += gcm.update(in, inOffset + position, Math.min(PIECE, length - position), out,
                        outOffset + written);
            }
            // the JDK appends the tag to the ciphertext: the caller leaves TAG_SIZE spare bytes after it
            written += gcm.doFinal(out, outOffset + written);
            return java.util.Arrays.copyOfRange(out, outOffset + written - TAG_SIZE, outOffset + written);
        }

        @Override
        byte[] decrypt(byte[] nonce, Bytes aad, Bytes ciphertext, byte[] tag) throws GeneralSecurityException {
            // NIST SP 800-38D 7.2: with a 96-bit IV, J0 = IV || 0^31 || 1 and the data uses inc32(J0) onwards; the
            // JDK's CTR carries into all 128 bits, which equals inc32 for any message below 64 GiB
            byte[] firstCounter = java.util.Arrays.copyOf(nonce, 16);
            firstCounter[15] = 2;
            ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(firstCounter));
            byte[] plaintext = new byte[ciphertext.length()];
            ctrInPieces(ctr, ciphertext, plaintext, scratch);
            try {
                gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_SIZE * 8, nonce));
            } catch (java.security.InvalidAlgorithmParameterException sameNonceAsLastTime) {
                // the JDK refuses an IV twice in a row for encryption: only a replayed message repeats one
                throw new AEADBadTagException("nonce repeated from the previous message");
            }
            aad.copyTo(scratch, 0);
            gcm.updateAAD(scratch, 0, aad.length());
            for (int position = 0; position < plaintext.length; position += PIECE) {
                gcm.update(plaintext, position, Math.min(PIECE, plaintext.length - position), scratch, 0);
            }
            int last = gcm.doFinal(scratch, 0);
            byte[] expected = java.util.Arrays.copyOfRange(scratch, last - TAG_SIZE, last);
            if (!MessageDigest.isEqual(expected, tag)) {
                java.util.Arrays.fill(plaintext, (byte) 0);
                throw new AEADBadTagException("GCM tag mismatch");
            }
            return plaintext;
        }
    }

    private static final class Ccm extends Aead {
        private final JdkCcm ccm;

        Ccm(byte[] key) {
            this.ccm = new JdkCcm(key, TAG_SIZE);
        }

        @Override
        int nonceSize() {
            return 11;
        }

        @Override
        byte[] encrypt(byte[] nonce, byte[] aadBuffer, int aadOffset, int aadLength, byte[] in, int inOffset,
                       int length, byte[] out, int outOffset) throws GeneralSecurityException {
            return ccm.encrypt(nonce, aadBuffer, aadOffset, aadLength, in, inOffset, length, out, outOffset);
        }

        @Override
        byte[] decrypt(byte[] nonce, Bytes aad, Bytes ciphertext, byte[] tag) throws GeneralSecurityException {
            return ccm.decrypt(nonce, aad, ciphertext, tag);
        }
    }
}
