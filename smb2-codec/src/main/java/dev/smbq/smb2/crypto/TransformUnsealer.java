package dev.smbq.smb2.crypto;

import dev.smbq.smb2.codec.TransformCodec;
import dev.smbq.smb2.message.TransformHeader;
import dev.smbq.smb2.message.TransformMessage;
import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import java.security.GeneralSecurityException;

/**
 * [MS-SMB2] 3.2.5.1.1 / 3.3.5.2.1.1 decryption with one key, bound to one session. Anything that does not
 * authenticate (a changed bit in ciphertext, tag, nonce or header, a wrong key, another session, Flags other than
 * "encrypted", a size that does not match) is an {@link IntegrityCheckException}; no plaintext leaves this class
 * unless the tag verified. Messages that arrive this way are authenticated by the AEAD and are not signature-checked
 * again (their Signature is zero, even when SMB2_FLAGS_SIGNED is set, as Windows sends them).
 *
 * <p>Replays: the spec gives transforms no sequence number (Windows even picks nonces at random). A message whose
 * nonce repeats the previous message's is refused here, as no sender repeats a nonce; an older replay authenticates
 * here and is caught one layer up, where its MessageId falls outside the connection's window of unused MessageIds
 * ([MS-SMB2] 3.3.5.2.3).
 */
public final class TransformUnsealer {
    private final CipherId cipher;
    private final Aead aead;
    private final long sessionId;
    private Bytes previousNonce = Bytes.EMPTY;

    private TransformUnsealer(CipherId cipher, Bytes key, long sessionId) {
        this.cipher = cipher;
        this.aead = Aead.of(cipher, key.toByteArray());
        this.sessionId = sessionId;
    }

    public static TransformUnsealer of(CipherId cipher, Bytes key, long sessionId) {
        return new TransformUnsealer(cipher, key, sessionId);
    }

    public CipherId cipher() {
        return cipher;
    }

    /** The plaintext of a whole transform message (TRANSFORM_HEADER and ciphertext). */
    public synchronized Bytes unseal(Bytes transformMessage) throws IntegrityCheckException {
        TransformMessage message;
        try {
            message = TransformCodec.decode(transformMessage);
        } catch (SmbDecodeException e) {
            throw new IntegrityCheckException("malformed transform: " + e.getMessage());
        }
        TransformHeader header = message.header();
        // [MS-SMB2] 3.3.5.2.1.1: Flags (3.1.1) / EncryptionAlgorithm (3.0.x) must be 0x0001.
        if (header.flags() != TransformHeader.FLAG_ENCRYPTED) {
            throw new IntegrityCheckException(String.format("transform Flags 0x%04X is not 'encrypted'", header.flags()));
        }
        if (header.sessionId() != sessionId) {
            throw new IntegrityCheckException(String.format("transform for session 0x%016X, not 0x%016X",
                    header.sessionId(), sessionId));
        }
        if (header.nonce().equals(previousNonce)) {
            throw new IntegrityCheckException("transform nonce repeats the previous message's: a replay");
        }
        // the AAD is the Nonce field as sent, all 16 bytes; the AEAD nonce is its first 11 (CCM) or 12 (GCM) bytes
        byte[] nonce = header.nonce().slice(0, aead.nonceSize()).toByteArray();
        try {
            byte[] plaintext = aead.decrypt(nonce,
                    transformMessage.slice(TransformHeader.AAD_OFFSET, TransformHeader.AAD_SIZE),
                    message.encryptedMessage(), header.signature().toByteArray());
            previousNonce = header.nonce();
            return Bytes.wrap(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IntegrityCheckException("transform did not authenticate with this key", e);
        }
    }
}
