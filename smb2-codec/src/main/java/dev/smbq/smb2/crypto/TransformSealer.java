package dev.smbq.smb2.crypto;

import dev.smbq.smb2.codec.TransformCodec;
import dev.smbq.smb2.message.TransformHeader;
import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.wire.Bytes;
import java.security.GeneralSecurityException;

/**
 * [MS-SMB2] 3.1.4.3 encryption with one key (a session's C2S key on a client, its S2C key on a server): wraps an
 * SMB2 message, compound chain or compressed message in a TRANSFORM_HEADER. The AAD is the header's 32 bytes from
 * Nonce through SessionId; the tag becomes the header's Signature. Nonces come from this key's own counter.
 *
 * <p>Thread-safe: sealing is serialised per key; the nonce counter is shared by every channel of the session.
 */
public final class TransformSealer {
    private final CipherId cipher;
    private final Aead aead;
    private final NonceSequence nonces;

    private TransformSealer(CipherId cipher, Bytes key, NonceSequence nonces) {
        this.cipher = cipher;
        this.aead = Aead.of(cipher, key.toByteArray());
        this.nonces = nonces;
    }

    public static TransformSealer of(CipherId cipher, Bytes key) {
        return new TransformSealer(cipher, key, new NonceSequence());
    }

    /** A sealer whose nonce counter starts at {@code firstNonce} (to test the end of the nonce space). */
    static TransformSealer startingAt(CipherId cipher, Bytes key, long firstNonce) {
        return new TransformSealer(cipher, key, new NonceSequence(firstNonce));
    }

    public CipherId cipher() {
        return cipher;
    }

    /** Seals {@code length} bytes of {@code plaintext} for {@code sessionId}; returns the whole transform message. */
    public Bytes seal(byte[] plaintext, int offset, int length, long sessionId) {
        byte[] nonceField = new byte[16];
        nonces.next(nonceField);
        return seal(plaintext, offset, length, sessionId, nonceField);
    }

    /** Seals with a given 16-byte Nonce field: for test vectors only, never with a nonce used before. */
    synchronized Bytes seal(byte[] plaintext, int offset, int length, long sessionId, byte[] nonceField) {
        java.util.Objects.checkFromIndexSize(offset, length, plaintext.length);
        if (length == 0) {
            throw new IllegalArgumentException("nothing to encrypt");
        }
        // room for the header, the ciphertext, and the tag the JDK's GCM appends before it moves into the header
        byte[] out = new byte[TransformHeader.SIZE + length + Aead.TAG_SIZE];
        TransformHeader header = new TransformHeader(Bytes.wrap(new byte[16]), Bytes.wrap(nonceField), length,
                TransformHeader.FLAG_ENCRYPTED, sessionId);
        TransformCodec.writeHeader(header, out, 0);
        byte[] nonce = java.util.Arrays.copyOf(nonceField, aead.nonceSize());
        try {
            byte[] tag = aead.encrypt(nonce, out, TransformHeader.AAD_OFFSET, TransformHeader.AAD_SIZE,
                    plaintext, offset, length, out, TransformHeader.SIZE);
            System.arraycopy(tag, 0, out, 4, Aead.TAG_SIZE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
        return Bytes.wrap(out, 0, TransformHeader.SIZE + length);
    }
}
