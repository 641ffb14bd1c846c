package dev.smbq.smb2.wire;

import dev.smbq.smb2.spec.NtStatus;

/**
 * The peer sent bytes that do not form a valid message. It says what to do about it ({@link #action()}) and, for
 * {@link DecodeAction#RESPOND}, which status to answer with. This is the only exception a decoder throws for bad
 * input; a peer that correctly answered with an error status is not a decode error.
 */
public final class SmbDecodeException extends RuntimeException {
    private final DecodeAction action;
    private final NtStatus status;

    public SmbDecodeException(DecodeAction action, NtStatus status, String message) {
        super(message, null, false, false);
        this.action = action;
        this.status = status;
    }

    /** Malformed request fields: answer STATUS_INVALID_PARAMETER, as [MS-SMB2] 3.3.5.2 and its command sections do. */
    public static SmbDecodeException invalidParameter(String message) {
        return new SmbDecodeException(DecodeAction.RESPOND, NtStatus.INVALID_PARAMETER, message);
    }

    /** The byte stream itself is broken (framing, truncated header): drop the connection. */
    public static SmbDecodeException disconnect(String message) {
        return new SmbDecodeException(DecodeAction.DISCONNECT, NtStatus.INVALID_NETWORK_RESPONSE, message);
    }

    public DecodeAction action() {
        return action;
    }

    public NtStatus status() {
        return status;
    }

    @Override
    public String toString() {
        return "SmbDecodeException[" + action + ", " + status + "]: " + getMessage();
    }
}
