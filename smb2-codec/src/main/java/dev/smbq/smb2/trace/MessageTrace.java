package dev.smbq.smb2.trace;

import dev.smbq.smb2.wire.Bytes;

/**
 * Sees every message a client or server sends or receives on one connection. Clients and servers call it on their
 * own threads; an implementation must be thread-safe and quick.
 */
@FunctionalInterface
public interface MessageTrace {
    /** Traces nothing. */
    MessageTrace NONE = (connection, direction, wire, plaintext) -> { };

    /** Which way a message went, seen from the side that traces. */
    enum Direction { SENT, RECEIVED }

    /**
     * One message.
     *
     * @param connection names the connection (the peer's address and the transport)
     * @param direction  sent or received
     * @param wire       the message as the transport carried it (without the 4-byte framing header)
     * @param plaintext  for a TRANSFORM_HEADER, the SMB2 message(s) inside it, or {@code wire} itself if it could
     *                   not be decrypted; for any other message, {@code wire}
     */
    void message(String connection, Direction direction, Bytes wire, Bytes plaintext);
}
