package dev.smbq.smb2.message;

import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.41 SMB2 TRANSFORM_HEADER: the 52-byte header in front of an encrypted message. ProtocolId
 * (0xFD 'SMB') is a constant written and checked by the codec. The sealing itself is in the crypto package.
 *
 * @param signature           Signature: the AEAD tag (16 bytes)
 * @param nonce               Nonce: 16 bytes, of which CCM uses the first 11 and GCM the first 12; the rest is zero
 * @param originalMessageSize OriginalMessageSize: the size of the plaintext message
 * @param flags               Flags (3.1.1) / EncryptionAlgorithm (3.0.x): 0x0001 = encrypted
 * @param sessionId           SessionId whose keys sealed the message
 */
public record TransformHeader(Bytes signature, Bytes nonce, long originalMessageSize, int flags, long sessionId) {
    public static final int SIZE = 52;
    public static final int PROTOCOL_ID = 0x424D53FD;
    /** Flags value SMB2_TRANSFORM_HEADER_FLAG_ENCRYPTED (3.1.1), the same bit as EncryptionAlgorithm AES-128-CCM. */
    public static final int FLAG_ENCRYPTED = 0x0001;
    /** The AEAD additional data: the header from Nonce through SessionId (3.1.4.3). */
    public static final int AAD_OFFSET = 20;
    public static final int AAD_SIZE = 32;

    public TransformHeader {
        if (signature.length() != 16 || nonce.length() != 16) {
            throw new IllegalArgumentException("signature and nonce are 16 bytes each");
        }
        if (originalMessageSize < 0 || originalMessageSize > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("OriginalMessageSize is a ULONG");
        }
    }
}
