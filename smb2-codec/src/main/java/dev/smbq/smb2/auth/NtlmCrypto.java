package dev.smbq.smb2.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The NTLMv2 computations of [MS-NLMP] 3.3.2 and 3.4: NTOWFv2, the NTLMv2 response, the session base key, the key
 * exchange, the MIC and the signing and sealing keys. HMAC-MD5 and MD5 come from the JDK; MD4 and RC4, which the
 * JDK does not offer, from BouncyCastle.
 */
final class NtlmCrypto {
    private static final byte[] CLIENT_SIGN_MAGIC = magic("session key to client-to-server signing key magic constant");
    private static final byte[] SERVER_SIGN_MAGIC = magic("session key to server-to-client signing key magic constant");
    private static final byte[] CLIENT_SEAL_MAGIC = magic("session key to client-to-server sealing key magic constant");
    private static final byte[] SERVER_SEAL_MAGIC = magic("session key to server-to-client sealing key magic constant");

    private NtlmCrypto() {
    }

    private static byte[] magic(String text) {
        return (text + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    /** NTOWFv1 = MD4(UNICODE(password)): the "NT hash" a user store may keep instead of the password. */
    static byte[] ntHash(String password) {
        byte[] unicode = password.getBytes(StandardCharsets.UTF_16LE);
        MD4Digest md4 = new MD4Digest();
        md4.update(unicode, 0, unicode.length);
        byte[] out = new byte[16];
        md4.doFinal(out, 0);
        return out;
    }

    /** NTOWFv2 = HMAC_MD5(NT hash, UNICODE(Uppercase(user) || domain)); only the user name is uppercased. */
    static byte[] ntowfv2(byte[] ntHash, String user, String domain) {
        return hmacMd5(ntHash, (user.toUpperCase(Locale.ROOT) + domain).getBytes(StandardCharsets.UTF_16LE));
    }

    static byte[] hmacMd5(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacMD5", e);
        }
    }

    static byte[] md5(byte[]... parts) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (byte[] part : parts) {
                md5.update(part);
            }
            return md5.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    /** RC4 of {@code data} with a fresh key schedule (KEY_EXCH wraps the exported session key this way). */
    static byte[] rc4(byte[] key, byte[] data) {
        return new Rc4Handle(key).apply(data);
    }

    static byte[] signKey(byte[] exportedSessionKey, boolean clientToServer) {
        return md5(exportedSessionKey, clientToServer ? CLIENT_SIGN_MAGIC : SERVER_SIGN_MAGIC);
    }

    static byte[] sealKey(byte[] exportedSessionKey, boolean clientToServer) {
        return md5(exportedSessionKey, clientToServer ? CLIENT_SEAL_MAGIC : SERVER_SEAL_MAGIC);
    }

    /** A stateful RC4 cipher: the NTLM sealing handle keeps its keystream position between uses. */
    static final class Rc4Handle {
        private final RC4Engine rc4 = new RC4Engine();

        Rc4Handle(byte[] key) {
            rc4.init(true, new KeyParameter(key));
        }

        byte[] apply(byte[] data) {
            byte[] out = new byte[data.length];
            rc4.processBytes(data, 0, data.length, out, 0);
            return out;
        }
    }

    /**
     * One direction's GSS_GetMIC ([MS-NLMP] 3.4.4.2, extended session security with key exchange):
     * Version (1) || RC4(handle, HMAC_MD5(SignKey, SeqNum || message)[0..7]) || SeqNum. SPNEGO uses it for
     * mechListMIC.
     */
    static final class MessageSigner {
        private final byte[] signKey;
        private final Rc4Handle sealHandle;

        MessageSigner(byte[] exportedSessionKey, boolean clientToServer) {
            this.signKey = signKey(exportedSessionKey, clientToServer);
            this.sealHandle = new Rc4Handle(sealKey(exportedSessionKey, clientToServer));
        }

        byte[] getMic(byte[] message, int sequenceNumber) {
            byte[] sequence = {(byte) sequenceNumber, (byte) (sequenceNumber >>> 8), (byte) (sequenceNumber >>> 16),
                    (byte) (sequenceNumber >>> 24)};
            byte[] checksum = java.util.Arrays.copyOf(hmacMd5(signKey, sequence, message), 8);
            byte[] signature = new byte[16];
            signature[0] = 1;
            System.arraycopy(sealHandle.apply(checksum), 0, signature, 4, 8);
            System.arraycopy(sequence, 0, signature, 12, 4);
            return signature;
        }
    }
}
