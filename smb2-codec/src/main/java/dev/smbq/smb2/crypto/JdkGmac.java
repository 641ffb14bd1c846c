package dev.smbq.smb2.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GMAC (NIST SP 800-38D: GCM whose whole input is authenticated data, with no plaintext) built so that nothing
 * is buffered. The JDK's GCM collects all authenticated data in a growing buffer and copies it once more before it
 * hashes it: for a 1 MiB message two fresh megabyte arrays per MAC. Its encryption path streams instead, so this
 * class runs the message through it as ciphertext:
 * <ol>
 *   <li>each piece of the message is first encrypted with AES-CTR from GCM's first data counter block, so that GCM's
 *       own CTR pass turns it back into the message: GCM then hashes exactly the message's blocks;</li>
 *   <li>the tag GCM returns differs from the GMAC only in GHASH's last block, the lengths: (0, bits) for
 *       ciphertext against (bits, 0) for authenticated data. GHASH is linear, so the GMAC is that tag XOR
 *       ((bits, bits) multiplied by the hash key H) in GF(2^128).</li>
 * </ol>
 * Both passes run on the JDK's intrinsics (AES-NI, carry-less multiplication) in 64 KiB pieces that stay in cache.
 * The SMB signing vectors, agreement with the JDK's own GMAC on random input, and Samba check it. Not thread-safe.
 */
final class JdkGmac {
    static final int NONCE_SIZE = 12;
    private static final int BLOCK = 16;
    private static final int TAG_BITS = 128;
    /** Pieces small enough to stay in cache between the two passes. */
    private static final int PIECE = 64 * 1024;

    private final SecretKeySpec key;
    private final Cipher ctr;
    private Cipher gcm;
    /** H = AES-K(0^128) as two big-endian halves. */
    private final long hashKeyHigh;
    private final long hashKeyLow;
    private final byte[] masked = new byte[PIECE];
    /** GCM's output, which is the message again (thrown away), then the tag. */
    private final byte[] output = new byte[PIECE + 2 * BLOCK];

    JdkGmac(byte[] key) throws GeneralSecurityException {
        this.key = new SecretKeySpec(key, "AES");
        this.ctr = Cipher.getInstance("AES/CTR/NoPadding");
        this.gcm = Cipher.getInstance("AES/GCM/NoPadding");
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, this.key);
        byte[] h = ecb.doFinal(new byte[BLOCK]);
        this.hashKeyHigh = bigEndianLong(h, 0);
        this.hashKeyLow = bigEndianLong(h, 8);
    }

    /** The GMAC of {@code prefix} followed by the message, under a 12-byte nonce. */
    byte[] mac(byte[] nonce, byte[] prefix, byte[] message, int offset, int length) throws GeneralSecurityException {
        if (nonce.length != NONCE_SIZE) {
            throw new IllegalArgumentException("a GMAC nonce has 12 bytes");
        }
        initGcm(nonce);
        // GCM's CTR starts at J0 + 1 = nonce || 00000002; the 32-bit counter cannot wrap below 2^32 blocks
        byte[] firstCounter = new byte[BLOCK];
        System.arraycopy(nonce, 0, firstCounter, 0, NONCE_SIZE);
        firstCounter[BLOCK - 1] = 2;
        ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(firstCounter));
        hashAsCiphertext(prefix, 0, prefix.length);
        for (int position = 0; position < length; position += PIECE) {
            hashAsCiphertext(message, offset + position, Math.min(PIECE, length - position));
        }
        int end = gcm.doFinal(output, 0);
        byte[] tag = new byte[BLOCK];
        System.arraycopy(output, end - BLOCK, tag, 0, BLOCK);
        // the lengths block differs by (bits, bits): correct the tag by that block times H
        long bits = 8L * (prefix.length + (long) length);
        long[] correction = multiply(bits, bits, hashKeyHigh, hashKeyLow);
        xorBigEndian(tag, 0, correction[0]);
        xorBigEndian(tag, 8, correction[1]);
        return tag;
    }

    private void initGcm(byte[] nonce) throws GeneralSecurityException {
        GCMParameterSpec spec = new GCMParameterSpec(TAG_BITS, nonce);
        try {
            gcm.init(Cipher.ENCRYPT_MODE, key, spec);
        } catch (InvalidAlgorithmParameterException sameNonceAsLastTime) {
            // The JDK refuses to encrypt twice in a row with one key and nonce on one Cipher. Here that happens when
            // one message is MACed again (signed, then verified; or resent); nothing secret is produced from the
            // repeat (the "ciphertext" is the message itself), so a fresh Cipher may compute the tag.
            gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, spec);
        }
    }

    private void hashAsCiphertext(byte[] data, int offset, int length) throws GeneralSecurityException {
        if (length == 0) {
            return;
        }
        int maskedLength = ctr.update(data, offset, length, masked, 0);
        gcm.update(masked, 0, maskedLength, output, 0);
    }

    /** Multiplication in GF(2^128) with GCM's bit order (NIST SP 800-38D, algorithm 1); values as big-endian halves. */
    static long[] multiply(long xHigh, long xLow, long yHigh, long yLow) {
        long zHigh = 0;
        long zLow = 0;
        long vHigh = yHigh;
        long vLow = yLow;
        for (int i = 0; i < 128; i++) {
            long bit = i < 64 ? xHigh >>> (63 - i) : xLow >>> (127 - i);
            if ((bit & 1) != 0) {
                zHigh ^= vHigh;
                zLow ^= vLow;
            }
            boolean carry = (vLow & 1) != 0;
            vLow = vLow >>> 1 | vHigh << 63;
            vHigh >>>= 1;
            if (carry) {
                vHigh ^= 0xE100000000000000L; // R = 11100001 || 0^120
            }
        }
        return new long[] {zHigh, zLow};
    }

    private static long bigEndianLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    private static void xorBigEndian(byte[] bytes, int offset, long value) {
        for (int i = 0; i < 8; i++) {
            bytes[offset + i] ^= (byte) (value >>> (56 - 8 * i));
        }
    }
}
