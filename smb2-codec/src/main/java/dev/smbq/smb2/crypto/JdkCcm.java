package dev.smbq.smb2.crypto;

import dev.smbq.smb2.wire.Bytes;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CCM (NIST SP 800-38C) put together from the JDK's AES modes, which run on AES-NI: the CBC-MAC is the last
 * block of {@code AES/CBC/NoPadding} over the formatted input, the encryption is {@code AES/CTR/NoPadding}. This is
 * several times faster than BouncyCastle's CCMBlockCipher, whose AES is table-driven Java; the NIST examples,
 * agreement with BouncyCastle on random inputs, the SMB session vectors and Samba all check it. Not thread-safe.
 */
final class JdkCcm {
    private static final int BLOCK = 16;
    /**
     * The size of the pieces fed to the JDK (small calls get its AES-NI code compiled early, see {@code Aead.Gcm}),
     * and of the buffer CBC's ciphertext goes to, which is thrown away: only its last block, the MAC, counts.
     */
    private static final int SCRATCH = 4096;
    private static final IvParameterSpec ZERO_IV = new IvParameterSpec(new byte[BLOCK]);

    private final SecretKeySpec key;
    private final int tagLength;
    private final Cipher cbc;
    private final Cipher ctr;
    private final byte[] scratch = new byte[SCRATCH];
    private final byte[] block = new byte[BLOCK];

    /** @param tagLength bytes of tag: 4, 6, 8, 10, 12, 14 or 16 (SMB uses 16) */
    JdkCcm(byte[] key, int tagLength) {
        if (tagLength < 4 || tagLength > BLOCK || tagLength % 2 != 0) {
            throw new IllegalArgumentException("CCM tags are 4 to 16 bytes, even: " + tagLength);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.tagLength = tagLength;
        try {
            cbc = Cipher.getInstance("AES/CBC/NoPadding");
            ctr = Cipher.getInstance("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has AES/CBC and AES/CTR", e);
        }
    }

    /** Encrypts {@code length} bytes of {@code in} into {@code out} and returns the tag. */
    byte[] encrypt(byte[] nonce, byte[] aad, int aadOffset, int aadLength, byte[] in, int inOffset, int length,
                   byte[] out, int outOffset) throws GeneralSecurityException {
        byte[] mac = cbcMac(nonce, ByteBuffer.wrap(aad, aadOffset, aadLength), ByteBuffer.wrap(in, inOffset, length));
        byte[] s0 = startCounter(nonce, length);
        for (int position = 0; position < length; position += SCRATCH) {
            ctr.update(in, inOffset + position, Math.min(SCRATCH, length - position), out, outOffset + position);
        }
        return tag(mac, s0);
    }

    /** Decrypts and checks the tag; on a mismatch throws, and what was decrypted is wiped. */
    byte[] decrypt(byte[] nonce, Bytes aad, Bytes ciphertext, byte[] tag) throws GeneralSecurityException {
        int length = ciphertext.length();
        byte[] s0 = startCounter(nonce, length);
        byte[] plaintext = new byte[length];
        Aead.ctrInPieces(ctr, ciphertext, plaintext, scratch);
        byte[] expected = tag(cbcMac(nonce, ByteBuffer.wrap(aad.toByteArray()), ByteBuffer.wrap(plaintext)), s0);
        if (!MessageDigest.isEqual(expected, tag)) {
            java.util.Arrays.fill(plaintext, (byte) 0);
            throw new AEADBadTagException("CCM tag mismatch");
        }
        return plaintext;
    }

    /** Sets the counter to A0 and returns S0 = E(A0); the next keystream block is E(A1), for the first data block. */
    private byte[] startCounter(byte[] nonce, int length) throws GeneralSecurityException {
        int q = BLOCK - 1 - nonce.length;
        checkLengths(nonce, q, length);
        byte[] counter = new byte[BLOCK];
        counter[0] = (byte) (q - 1);
        System.arraycopy(nonce, 0, counter, 1, nonce.length);
        // the JDK's CTR increments all 16 bytes; the q-byte counter cannot wrap within the lengths allowed above
        ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(counter));
        byte[] s0 = new byte[BLOCK];
        ctr.update(new byte[BLOCK], 0, BLOCK, s0, 0);
        return s0;
    }

    private static void checkLengths(byte[] nonce, int q, int length) {
        if (nonce.length < 7 || nonce.length > 13) {
            throw new IllegalArgumentException("CCM nonces are 7 to 13 bytes: " + nonce.length);
        }
        if (q < 4 && length >= 1 << (8 * q)) {
            throw new IllegalArgumentException(length + " bytes do not fit a " + q + "-byte length field");
        }
    }

    /** SP 800-38C A.2: B0, the encoded AAD and the data, each padded to whole blocks, through CBC with a zero IV. */
    private byte[] cbcMac(byte[] nonce, ByteBuffer aad, ByteBuffer data) throws GeneralSecurityException {
        int q = BLOCK - 1 - nonce.length;
        int aadLength = aad.remaining();
        int length = data.remaining();
        cbc.init(Cipher.ENCRYPT_MODE, key, ZERO_IV);
        byte[] b0 = new byte[BLOCK];
        b0[0] = (byte) ((aadLength > 0 ? 0x40 : 0) | ((tagLength - 2) / 2) << 3 | (q - 1));
        System.arraycopy(nonce, 0, b0, 1, nonce.length);
        for (int i = 0; i < q; i++) {
            b0[BLOCK - 1 - i] = (byte) ((long) length >>> (8 * i)); // a long: q may exceed 4 bytes
        }
        feed(ByteBuffer.wrap(b0));
        if (aadLength > 0) {
            // A.2.2: the AAD length in 2 bytes, or 0xFFFE and 4 bytes from 2^16 - 2^8 on
            byte[] encodedLength = aadLength < 0xFF00
                    ? new byte[] {(byte) (aadLength >>> 8), (byte) aadLength}
                    : new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) (aadLength >>> 24), (byte) (aadLength >>> 16),
                                  (byte) (aadLength >>> 8), (byte) aadLength};
            ByteBuffer encoded = ByteBuffer.allocate(encodedLength.length + aadLength).put(encodedLength).put(aad);
            feed(encoded.flip());
        }
        feed(data);
        return block.clone();
    }

    /** Runs {@code input} through the CBC-MAC, zero-padding its last block; {@link #block} ends as the chain value. */
    private void feed(ByteBuffer input) throws GeneralSecurityException {
        while (input.remaining() >= BLOCK) {
            int take = Math.min(input.remaining() & ~(BLOCK - 1), SCRATCH);
            int produced = cbc.update(input.array(), input.arrayOffset() + input.position(), take, scratch, 0);
            input.position(input.position() + take);
            System.arraycopy(scratch, produced - BLOCK, block, 0, BLOCK);
        }
        if (input.hasRemaining()) {
            byte[] last = new byte[BLOCK];
            input.get(last, 0, input.remaining());
            cbc.update(last, 0, BLOCK, block, 0);
        }
    }

    private byte[] tag(byte[] mac, byte[] s0) {
        byte[] tag = new byte[tagLength];
        for (int i = 0; i < tagLength; i++) {
            tag[i] = (byte) (mac[i] ^ s0[i]);
        }
        return tag;
    }
}
