package dev.smbq.smb2.crypto;

import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.wire.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The keys of one SMB session ([MS-SMB2] 3.2.5.3.1 / 3.3.5.5.3), named by direction: the client encrypts with
 * {@code clientToServerKey} (its EncryptionKey, the server's DecryptionKey) and the server with
 * {@code serverToClientKey}.
 *
 * @param signingKey        Session.SigningKey (for 2.0.2/2.1 the session key itself, used with HMAC-SHA256)
 * @param clientToServerKey C2S cipher key (empty before 3.0 or without encryption)
 * @param serverToClientKey S2C cipher key (empty before 3.0 or without encryption)
 * @param applicationKey    Session.ApplicationKey (empty before 3.0)
 */
public record SessionKeys(Bytes signingKey, Bytes clientToServerKey, Bytes serverToClientKey, Bytes applicationKey) {

    /** Labels and contexts of [MS-SMB2] 3.1.4.2, each with its own trailing NUL. */
    private static final byte[] SMB30_SIGNING_LABEL = nul("SMB2AESCMAC");
    private static final byte[] SMB30_SIGNING_CONTEXT = nul("SmbSign");
    private static final byte[] SMB30_CIPHER_LABEL = nul("SMB2AESCCM");
    private static final byte[] SMB30_C2S_CONTEXT = nul("ServerIn "); // the space is part of the string
    private static final byte[] SMB30_S2C_CONTEXT = nul("ServerOut");
    private static final byte[] SMB30_APPLICATION_LABEL = nul("SMB2APP");
    private static final byte[] SMB30_APPLICATION_CONTEXT = nul("SmbRpc");
    private static final byte[] SMB311_SIGNING_LABEL = nul("SMBSigningKey");
    private static final byte[] SMB311_C2S_LABEL = nul("SMBC2SCipherKey");
    private static final byte[] SMB311_S2C_LABEL = nul("SMBS2CCipherKey");
    private static final byte[] SMB311_APPLICATION_LABEL = nul("SMBAppKey");
    private static final int KEY_BITS = 128;
    private static final int AES_256_KEY_BITS = 256;

    private static byte[] nul(String text) {
        return (text + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Derives the keys of a session.
     *
     * @param dialect        Connection.Dialect
     * @param cipher         Connection.CipherId (decides the cipher key length; {@link CipherId#NONE}: 128 bits)
     * @param fullSessionKey the key the authentication produced (NTLM: the 16-byte ExportedSessionKey); its first
     *                       16 bytes, zero-padded, are Session.SessionKey
     * @param preauthHash    Session.PreauthIntegrityHashValue (3.1.1), ignored otherwise
     */
    public static SessionKeys derive(Dialect dialect, CipherId cipher, Bytes fullSessionKey, Bytes preauthHash) {
        byte[] sessionKey = sessionKey(fullSessionKey);
        if (!dialect.isSmb3()) {
            return new SessionKeys(Bytes.wrap(sessionKey), Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY);
        }
        // AES-256 ciphers take 256-bit cipher keys from the full session key; the signing and application keys
        // stay 128-bit keys from the 16-byte session key whatever the cipher (3.1.4.2, Session.FullSessionKey).
        boolean aes256 = cipher.equals(CipherId.AES_256_CCM) || cipher.equals(CipherId.AES_256_GCM);
        byte[] cipherKeySource = aes256 ? fullSessionKey.toByteArray() : sessionKey;
        int cipherBits = aes256 ? AES_256_KEY_BITS : KEY_BITS;
        if (dialect.equals(Dialect.SMB_3_1_1)) {
            byte[] context = preauthHash.toByteArray();
            return new SessionKeys(
                    key(sessionKey, SMB311_SIGNING_LABEL, context, KEY_BITS),
                    key(cipherKeySource, SMB311_C2S_LABEL, context, cipherBits),
                    key(cipherKeySource, SMB311_S2C_LABEL, context, cipherBits),
                    key(sessionKey, SMB311_APPLICATION_LABEL, context, KEY_BITS));
        }
        return new SessionKeys(
                key(sessionKey, SMB30_SIGNING_LABEL, SMB30_SIGNING_CONTEXT, KEY_BITS),
                key(sessionKey, SMB30_CIPHER_LABEL, SMB30_C2S_CONTEXT, KEY_BITS),
                key(sessionKey, SMB30_CIPHER_LABEL, SMB30_S2C_CONTEXT, KEY_BITS),
                key(sessionKey, SMB30_APPLICATION_LABEL, SMB30_APPLICATION_CONTEXT, KEY_BITS));
    }

    /**
     * Channel.SigningKey of a connection bound to an existing session ([MS-SMB2] 3.2.5.3.3 / 3.3.5.5.3): derived
     * like the signing key, from the binding authentication's session key and (3.1.1) the binding's pre-auth hash.
     */
    public static Bytes channelSigningKey(Dialect dialect, Bytes bindingSessionKey, Bytes bindingPreauthHash) {
        return derive(dialect, CipherId.NONE, bindingSessionKey, bindingPreauthHash).signingKey();
    }

    /** Session.SessionKey: the first 16 bytes of the authentication key, right-padded with zeros. */
    public static byte[] sessionKey(Bytes fullSessionKey) {
        return Arrays.copyOf(fullSessionKey.toByteArray(), 16);
    }

    private static Bytes key(byte[] key, byte[] label, byte[] context, int bits) {
        return Bytes.wrap(Kdf.derive(key, label, context, bits));
    }

    /** The cipher key this side encrypts with. */
    public Bytes encryptionKey(boolean isServer) {
        return isServer ? serverToClientKey : clientToServerKey;
    }

    /** The cipher key this side decrypts with. */
    public Bytes decryptionKey(boolean isServer) {
        return isServer ? clientToServerKey : serverToClientKey;
    }

    /** Keys are secrets: they never appear in logs through toString. */
    @Override
    public String toString() {
        return "SessionKeys[redacted]";
    }
}
