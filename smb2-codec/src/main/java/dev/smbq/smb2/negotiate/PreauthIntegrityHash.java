package dev.smbq.smb2.negotiate;

import dev.smbq.smb2.wire.Bytes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * [MS-SMB2] 3.2.5.2 / 3.3.5.4 pre-authentication integrity: a SHA-512 chain over the exact bytes of each message,
 * starting from 64 zero bytes: H(n) = SHA-512(H(n-1) || message). The 4-byte transport header is never hashed.
 * Immutable; each update returns the next value.
 */
public record PreauthIntegrityHash(Bytes value) {
    public static final int SIZE = 64;

    public PreauthIntegrityHash {
        if (value.length() != SIZE) {
            throw new IllegalArgumentException("a SHA-512 value is 64 bytes");
        }
    }

    public static PreauthIntegrityHash initial() {
        return new PreauthIntegrityHash(Bytes.wrap(new byte[SIZE]));
    }

    public PreauthIntegrityHash update(byte[] message) {
        MessageDigest sha512 = sha512();
        sha512.update(value.toByteArray());
        sha512.update(message);
        return new PreauthIntegrityHash(Bytes.wrap(sha512.digest()));
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-512", e);
        }
    }
}
