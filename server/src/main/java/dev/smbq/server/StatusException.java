package dev.smbq.server;

import dev.smbq.smb2.spec.NtStatus;

/** A request that fails with {@link #status()}; the connection goes on. */
final class StatusException extends Exception {
    private final NtStatus status;

    StatusException(NtStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    NtStatus status() {
        return status;
    }
}
