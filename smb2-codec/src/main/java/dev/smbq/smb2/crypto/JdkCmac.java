package dev.smbq.smb2.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CMAC (RFC 4493, NIST SP 800-38B) on the JDK's {@code AES/CBC/NoPadding}, which runs on AES-NI: the MAC is the
 * last CBC block, with the final block first XORed with subkey K1 (complete) or padded and XORed with K2. Several
 * times faster than BouncyCastle's CMac, whose AES is table-driven Java; the RFC 4493 examples, agreement with
 * BouncyCastle, the SMB session vectors and Samba check it. Not thread-safe.
 */
final class JdkCmac {
    private static final int BLOCK = 16;
    /** The size of the pieces fed to CBC, whose ciphertext goes to this scratch buffer and is thrown away. */
    private static final int PIECE = 4096;
    private static final IvParameterSpec ZERO_IV = new IvParameterSpec(new byte[BLOCK]);

    private final SecretKeySpec key;
    private final Cipher cbc;
    private final byte[] k1;
    private final byte[] k2;
    private final byte[] scratch = new byte[PIECE];

    JdkCmac(byte[] key) throws GeneralSecurityException {
        this.key = new SecretKeySpec(key, "AES");
        this.cbc = Cipher.getInstance("AES/CBC/NoPadding");
        // RFC 4493 2.3: L = AES-K(0^128), K1 = dbl(L), K2 = dbl(K1)
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, this.key);
        byte[] l = ecb.doFinal(new byte[BLOCK]);
        this.k1 = doubled(l);
        this.k2 = doubled(k1);
    }

    /** Multiplication by x in GF(2^128) with the polynomial x^128 + x^7 + x^2 + x + 1: a shift, and 0x87 on carry. */
    private static byte[] doubled(byte[] block) {
        byte[] result = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            result[i] = (byte) (block[i] << 1 | (i + 1 < BLOCK ? (block[i + 1] & 0xFF) >>> 7 : 0));
        }
        if ((block[0] & 0x80) != 0) {
            result[BLOCK - 1] ^= (byte) 0x87;
        }
        return result;
    }

    byte[] mac(byte[] message, int offset, int length) throws GeneralSecurityException {
        return mac(new byte[0], message, offset, length);
    }

    /** The MAC of {@code prefix}, then the message; the prefix is whole blocks (a header, or a WRITE's head). */
    byte[] mac(byte[] prefix, byte[] message, int offset, int length) throws GeneralSecurityException {
        if (prefix.length % BLOCK != 0 || prefix.length > PIECE) {
            throw new IllegalArgumentException("the prefix must be whole blocks, at most " + PIECE + " bytes");
        }
        if (length == 0 && prefix.length > 0) {
            return mac(prefix, 0, prefix.length); // the prefix holds the last block
        }
        cbc.init(Cipher.ENCRYPT_MODE, key, ZERO_IV);
        if (prefix.length > 0) {
            cbc.update(prefix, 0, prefix.length, scratch, 0);
        }
        // every block but the last goes through as it is; an empty message has one (padded) last block
        int lastStart = length == 0 ? 0 : (length - 1) & ~(BLOCK - 1);
        for (int position = 0; position < lastStart; position += PIECE) {
            cbc.update(message, offset + position, Math.min(PIECE, lastStart - position), scratch, 0);
        }
        int lastLength = length - lastStart;
        byte[] last = new byte[BLOCK];
        System.arraycopy(message, offset + lastStart, last, 0, lastLength);
        byte[] subkey = k1;
        if (lastLength < BLOCK) {
            last[lastLength] = (byte) 0x80; // RFC 4493 2.4: pad with 10...0 and use K2
            subkey = k2;
        }
        for (int i = 0; i < BLOCK; i++) {
            last[i] ^= subkey[i];
        }
        byte[] tag = new byte[BLOCK];
        cbc.update(last, 0, BLOCK, tag, 0);
        return tag;
    }
}
