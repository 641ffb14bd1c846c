package dev.smbq.smb2.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * [MS-SMB2] 3.1.4.2 key derivation: the SP800-108 KDF in counter mode with HMAC-SHA256 as the PRF and a 32-bit
 * counter, each block being HMAC(Ki, [i]_32 || Label || 0x00 || Context || [L]_32).
 *
 * <p>The labels and contexts SMB uses already end in a NUL of their own ("SMBSigningKey\0"); the 0x00 separator of
 * SP800-108 comes on top of it. Forgetting either is the classic way to get every key wrong.
 */
public final class Kdf {
    private static final int PRF_BITS = 256;

    private Kdf() {
    }

    /** {@code lengthBits} bits (a multiple of 8) of key material from {@code key}, {@code label} and {@code context}. */
    public static byte[] derive(byte[] key, byte[] label, byte[] context, int lengthBits) {
        if (lengthBits <= 0 || lengthBits % 8 != 0) {
            throw new IllegalArgumentException("output length must be a positive multiple of 8 bits: " + lengthBits);
        }
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            int blocks = (lengthBits + PRF_BITS - 1) / PRF_BITS;
            ByteBuffer output = ByteBuffer.allocate(blocks * PRF_BITS / 8);
            for (int counter = 1; counter <= blocks; counter++) {
                hmac.update(ByteBuffer.allocate(4).putInt(counter).array());
                hmac.update(label);
                hmac.update((byte) 0);
                hmac.update(context);
                hmac.update(ByteBuffer.allocate(4).putInt(lengthBits).array());
                output.put(hmac.doFinal());
            }
            return Arrays.copyOf(output.array(), lengthBits / 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
