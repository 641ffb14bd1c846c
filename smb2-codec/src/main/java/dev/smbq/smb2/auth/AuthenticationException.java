package dev.smbq.smb2.auth;

import dev.smbq.smb2.spec.NtStatus;

/** An authentication that failed; {@link #status()} is what SESSION_SETUP answers (e.g. STATUS_LOGON_FAILURE). */
public final class AuthenticationException extends Exception {
    private final NtStatus status;

    public AuthenticationException(NtStatus status, String message) {
        super(message);
        this.status = status;
    }

    public NtStatus status() {
        return status;
    }
}
