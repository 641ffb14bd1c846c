package dev.smbq.client;

import dev.smbq.smb2.spec.NtStatus;

/** A request the server answered with an error status, or an exchange that could not complete. */
public final class SmbException extends Exception {
    private final NtStatus status;

    public SmbException(NtStatus status, String message) {
        super(message + " (" + status.name() + ")");
        this.status = status;
    }

    public SmbException(NtStatus status, String message, Throwable cause) {
        super(message + " (" + status.name() + ")", cause);
        this.status = status;
    }

    public NtStatus status() {
        return status;
    }
}
