package dev.smbq.smb2.transport;

import dev.smbq.smb2.wire.Bytes;

/** Receives what arrives on an {@link SmbChannel}. */
public interface MessageListener {
    /** One whole message; the bytes belong to the listener. */
    void onMessage(SmbChannel channel, Bytes message);

    /**
     * The channel closed: {@code cause} is null for an orderly close, else the error (for example a framing
     * violation, which closes the channel).
     */
    void onClosed(SmbChannel channel, Throwable cause);
}
