package dev.smbq.smb2.negotiate;

import dev.smbq.smb2.spec.NtStatus;

/**
 * A NEGOTIATE exchange the client cannot accept: either the server answered with an error status
 * ({@link #peerError()}), or its response broke a rule of [MS-SMB2] 3.2.5.2 and the connection must be dropped.
 */
public final class NegotiationException extends Exception {
    private final NtStatus status;
    private final boolean peerError;

    private NegotiationException(NtStatus status, boolean peerError, String message) {
        super(message);
        this.status = status;
        this.peerError = peerError;
    }

    static NegotiationException peerError(NtStatus status) {
        return new NegotiationException(status, true, "server answered NEGOTIATE with " + status);
    }

    static NegotiationException invalidResponse(String message) {
        return new NegotiationException(NtStatus.INVALID_NETWORK_RESPONSE, false, message);
    }

    public NtStatus status() {
        return status;
    }

    /** True when the server sent a well-formed error response; false when its response was unacceptable. */
    public boolean peerError() {
        return peerError;
    }
}
