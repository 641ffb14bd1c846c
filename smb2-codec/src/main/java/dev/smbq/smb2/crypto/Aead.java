package dev.smbq.smb2.crypto;

import dev.smbq.smb2.spec.CipherId;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
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

    /**
     * Decrypts and authenticates {@code ciphertext} (read from its position to its limit); throws on any mismatch,
     * returning nothing the caller may use.
     */
    abstract byte[] decrypt(byte[] nonce, ByteBuffer aad, ByteBuffer ciphertext, byte[] tag) throws GeneralSecurityException;

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

    private static final class Gcm extends Aead {
        private final SecretKeySpec key;
        private final Cipher cipher;

        Gcm(byte[] key) {
            this.key = new SecretKeySpec(key, "AES");
            try {
                cipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java runtime has AES/GCM", e);
            }
        }

        @Override
        int nonceSize() {
            return 12;
        }

        @Override
        byte[] encrypt(byte[] nonce, byte[] aadBuffer, int aadOffset, int aadLength, byte[] in, int inOffset,
                       int length, byte[] out, int outOffset) throws GeneralSecurityException {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_SIZE * 8, nonce));
            cipher.updateAAD(aadBuffer, aadOffset, aadLength);
            // the JDK appends the tag to the ciphertext: the caller leaves TAG_SIZE spare bytes after it
            int written = cipher.doFinal(in, inOffset, length, out, outOffset);
            return java.util.Arrays.copyOfRange(out, outOffset + written - TAG_SIZE, outOffset + written);
        }

        @Override
        byte[] decrypt(byte[] nonce, ByteBuffer aad, ByteBuffer ciphertext, byte[] tag) throws GeneralSecurityException {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_SIZE * 8, nonce));
            cipher.updateAAD(aad);
            byte[] plaintext = new byte[ciphertext.remaining()];
            ByteBuffer out = ByteBuffer.wrap(plaintext);
            cipher.update(ciphertext, out);
            cipher.doFinal(ByteBuffer.wrap(tag), out);
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
        byte[] decrypt(byte[] nonce, ByteBuffer aad, ByteBuffer ciphertext, byte[] tag) throws GeneralSecurityException {
            return ccm.decrypt(nonce, aad, ciphertext, tag);
        }
    }
}
