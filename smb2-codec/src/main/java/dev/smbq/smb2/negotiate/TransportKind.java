package dev.smbq.smb2.negotiate;

/** The kind of transport a connection runs on, as far as negotiation cares. */
public enum TransportKind {
    /** Direct TCP (port 445): no transport security; SMB2_TRANSPORT_CAPABILITIES is never honoured. */
    TCP,
    /** QUIC (ALPN "smb"): TLS 1.3 protects every byte, so SMB encryption may be skipped by agreement. */
    QUIC
}
