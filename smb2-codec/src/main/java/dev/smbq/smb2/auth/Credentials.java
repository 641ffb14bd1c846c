package dev.smbq.smb2.auth;

import dev.smbq.smb2.wire.Bytes;

/**
 * What a client authenticates with: a user, the user's domain, and the NT hash (MD4 of the UTF-16LE password). An
 * empty user with an empty hash is the anonymous user.
 */
public record Credentials(String user, String domain, Bytes ntHash) {
    public Credentials {
        java.util.Objects.requireNonNull(user, "user");
        java.util.Objects.requireNonNull(domain, "domain");
        if (!(ntHash.length() == 16 || (ntHash.isEmpty() && user.isEmpty()))) {
            throw new IllegalArgumentException("an NT hash is 16 bytes");
        }
    }

    public static Credentials password(String user, String domain, String password) {
        return new Credentials(user, domain, Bytes.wrap(NtlmCrypto.ntHash(password)));
    }

    public static Credentials anonymous() {
        return new Credentials("", "", Bytes.EMPTY);
    }

    public boolean isAnonymous() {
        return user.isEmpty();
    }

    /** The hash is a secret: it never appears through toString. */
    @Override
    public String toString() {
        return "Credentials[" + (isAnonymous() ? "anonymous" : domain + "\\" + user) + "]";
    }
}
