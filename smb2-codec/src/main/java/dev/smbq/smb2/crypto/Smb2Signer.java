package dev.smbq.smb2.crypto;

import dev.smbq.smb2.codec.CompoundChain;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.HeaderFlags;
import dev.smbq.smb2.spec.SigningAlgorithm;
import dev.smbq.smb2.wire.Bytes;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * [MS-SMB2] 3.1.4.1 signing of SMB2 messages with one key: HMAC-SHA256 (2.0.2, 2.1), AES-128-CMAC (3.x) or
 * AES-128-GMAC (3.1.1 with SMB2_SIGNING_CAPABILITIES). The MAC covers the whole message with its Signature field
 * zeroed; in a compound chain each element is signed on its own, its 8-byte padding included.
 *
 * <p>Not thread-safe (it keeps one MAC instance); use one per connection or per thread.
 */
public final class Smb2Signer {
    private static final int SIGNATURE_OFFSET = Smb2Header.SIGNATURE_OFFSET;
    private static final int SIGNATURE_SIZE = Smb2Header.SIGNATURE_SIZE;
    private static final int FLAGS_OFFSET = 16;
    private static final int COMMAND_OFFSET = 12;
    private static final int MESSAGE_ID_OFFSET = 24;

    private final SigningAlgorithm algorithm;
    private final Mac hmac;
    private final JdkCmac cmac;
    private final JdkGmac gmac;

    private Smb2Signer(SigningAlgorithm algorithm, byte[] key) throws GeneralSecurityException {
        this.algorithm = algorithm;
        if (algorithm.equals(SigningAlgorithm.HMAC_SHA256)) {
            hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            cmac = null;
            gmac = null;
        } else if (algorithm.equals(SigningAlgorithm.AES_CMAC)) {
            cmac = new JdkCmac(key);
            hmac = null;
            gmac = null;
        } else if (algorithm.equals(SigningAlgorithm.AES_GMAC)) {
            gmac = new JdkGmac(key);
            hmac = null;
            cmac = null;
        } else {
            throw new IllegalArgumentException("no signing with " + algorithm);
        }
    }

    /** A signer for {@code algorithm} with {@code key} (16 bytes for CMAC and GMAC). */
    public static Smb2Signer of(SigningAlgorithm algorithm, Bytes key) {
        try {
            return new Smb2Signer(algorithm, key.toByteArray());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot sign with " + algorithm + ": " + e.getMessage(), e);
        }
    }

    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    /** Sets SMB2_FLAGS_SIGNED and writes the signature of the message at {@code offset, length} into it. */
    public void sign(byte[] buffer, int offset, int length) {
        checkBounds(buffer, offset, length);
        buffer[offset + FLAGS_OFFSET] |= HeaderFlags.SIGNED;
        System.arraycopy(mac(buffer, offset, length), 0, buffer, offset + SIGNATURE_OFFSET, SIGNATURE_SIZE);
    }

    /**
     * Signs a message sent in two pieces ({@code SmbChannel.send(List)}): {@code head}, which holds the header and is
     * whole 16-byte blocks (a WRITE's 112 bytes), then {@code rest}. Sets SMB2_FLAGS_SIGNED and the Signature in the
     * head; the rest is only read.
     */
    public void signPieces(byte[] head, Bytes rest) {
        if (head.length < Smb2Header.SIZE || head.length % 16 != 0) {
            throw new IllegalArgumentException("the head must hold the header and be whole 16-byte blocks");
        }
        head[FLAGS_OFFSET] |= HeaderFlags.SIGNED;
        byte[] prefix = head.clone();
        Arrays.fill(prefix, SIGNATURE_OFFSET, SIGNATURE_OFFSET + SIGNATURE_SIZE, (byte) 0);
        byte[] signature = rest.read((array, offset, length) -> mac(prefix, array, offset, length));
        System.arraycopy(signature, 0, head, SIGNATURE_OFFSET, SIGNATURE_SIZE);
    }

    /** Signs every element of a compound chain (each with its padding). */
    public void signChain(byte[] chain) {
        int offset = 0;
        for (Bytes element : CompoundChain.split(Bytes.wrap(chain))) {
            sign(chain, offset, element.length());
            offset += element.length();
        }
    }

    /**
     * Whether the message's Signature matches, in a time that does not depend on the bytes. The message is only read
     * (its Signature counts as zero for the MAC), so a received message is checked where it lies.
     */
    public boolean verify(byte[] buffer, int offset, int length) {
        checkBounds(buffer, offset, length);
        int signatureAt = offset + SIGNATURE_OFFSET;
        byte[] expected = Arrays.copyOf(mac(buffer, offset, length), SIGNATURE_SIZE);
        return MessageDigest.isEqual(expected, Arrays.copyOfRange(buffer, signatureAt, signatureAt + SIGNATURE_SIZE));
    }

    /** {@link #verify(byte[], int, int)} of a whole message, without copying it. */
    public boolean verify(Bytes message) {
        return message.read(this::verify);
    }

    /**
     * Verifies every element of a received chain. A chain that arrived inside a TRANSFORM_HEADER is already
     * authenticated by the AEAD, and its Signature fields are zero even where SMB2_FLAGS_SIGNED is set (Windows sends
     * it that way): [MS-SMB2] 3.3.5.2.4 / 3.2.5.1.3 skip the check for it, and so does this method.
     */
    public boolean verifyChain(byte[] chain, boolean arrivedEncrypted) {
        if (arrivedEncrypted) {
            return true;
        }
        int offset = 0;
        boolean allValid = true;
        for (Bytes element : CompoundChain.split(Bytes.wrap(chain))) {
            allValid &= verify(chain, offset, element.length());
            offset += element.length();
        }
        return allValid;
    }

    /** The MAC of a message with its Signature field taken as zero; the buffer is never changed. */
    private byte[] mac(byte[] buffer, int offset, int length) {
        byte[] header = Arrays.copyOfRange(buffer, offset, offset + Smb2Header.SIZE);
        Arrays.fill(header, SIGNATURE_OFFSET, SIGNATURE_OFFSET + SIGNATURE_SIZE, (byte) 0);
        return mac(header, buffer, offset + Smb2Header.SIZE, length - Smb2Header.SIZE);
    }

    /**
     * The MAC of {@code prefix} (the message's first bytes with the Signature zeroed: at least the header, whence
     * AES-GMAC takes its nonce; whole blocks for CMAC) followed by a range of {@code rest}.
     */
    private byte[] mac(byte[] prefix, byte[] rest, int restAt, int restLength) {
        try {
            if (hmac != null) {
                hmac.update(prefix);
                hmac.update(rest, restAt, restLength);
                return hmac.doFinal();
            }
            if (cmac != null) {
                return cmac.mac(prefix, rest, restAt, restLength);
            }
            return gmac.mac(gmacNonce(prefix, 0), prefix, rest, restAt, restLength);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /**
     * [MS-SMB2] 3.1.4.1: the AES-GMAC nonce is the MessageId (8 bytes, little-endian), then 4 bytes whose lowest bit
     * says "sent by the server" and whose next bit says "this is a CANCEL request" (CANCEL reuses the MessageId of
     * the request it cancels, so without that bit two messages would share a nonce).
     */
    static byte[] gmacNonce(byte[] buffer, int offset) {
        byte[] nonce = new byte[12];
        System.arraycopy(buffer, offset + MESSAGE_ID_OFFSET, nonce, 0, 8);
        boolean fromServer = (buffer[offset + FLAGS_OFFSET] & HeaderFlags.SERVER_TO_REDIR) != 0;
        int command = (buffer[offset + COMMAND_OFFSET] & 0xFF) | (buffer[offset + COMMAND_OFFSET + 1] & 0xFF) << 8;
        boolean cancel = !fromServer && command == Command.CANCEL.code();
        nonce[8] = (byte) ((fromServer ? 1 : 0) | (cancel ? 2 : 0));
        return nonce;
    }

    private static void checkBounds(byte[] buffer, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length < Smb2Header.SIZE) {
            throw new IllegalArgumentException("a signed message holds at least a header");
        }
    }
}
