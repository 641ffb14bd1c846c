package dev.smbq.smb2.crypto;

/**
 * An encrypted message failed its integrity check (tampered ciphertext, tag or header, wrong key, wrong session,
 * bad Flags). No plaintext comes out; [MS-SMB2] 3.3.5.2.1.1 / 3.2.5.1.1 drop the connection.
 */
public final class IntegrityCheckException extends Exception {
    public IntegrityCheckException(String message) {
        super(message);
    }

    public IntegrityCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
