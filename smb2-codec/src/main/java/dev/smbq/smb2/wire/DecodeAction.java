package dev.smbq.smb2.wire;

/** What the receiver of malformed input should do: how far the damage reaches. */
public enum DecodeAction {
    /** Drop this message and keep the connection (e.g. a reply to nothing). */
    DISCARD,
    /** Answer the request with an error response carrying the exception's status; keep the connection. */
    RESPOND,
    /** The byte stream can no longer be trusted: close this connection (and only this one). */
    DISCONNECT
}
