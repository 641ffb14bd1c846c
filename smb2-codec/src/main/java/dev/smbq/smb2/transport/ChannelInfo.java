package dev.smbq.smb2.transport;

import dev.smbq.smb2.negotiate.TransportKind;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a channel is.
 *
 * @param kind             TCP or QUIC (what negotiation looks at for SMB2_TRANSPORT_CAPABILITIES)
 * @param transportId      the provider id ({@code tcp}, {@code quic-netty}, {@code quic-kwik})
 * @param localAddress     this side's address
 * @param remoteAddress    the peer's address
 * @param alpn             the negotiated ALPN protocol ({@code smb} over QUIC), empty over TCP
 * @param peerCertificates the peer's certificate chain, leaf first (empty over TCP or without a client certificate)
 * @param peerVerified     whether the peer's certificate chain was verified (trusted and named as expected)
 * @param maxMessageSize   the largest message this channel accepts
 */
public record ChannelInfo(TransportKind kind, String transportId, InetSocketAddress localAddress,
                          InetSocketAddress remoteAddress, String alpn, List<X509Certificate> peerCertificates,
                          boolean peerVerified, int maxMessageSize) {
    public ChannelInfo {
        peerCertificates = List.copyOf(peerCertificates);
    }

    /** The transport and the peer, e.g. {@code quic-netty 127.0.0.1:443}. */
    public String describePeer() {
        String host = remoteAddress.isUnresolved() ? remoteAddress.getHostString()
                : remoteAddress.getAddress().getHostAddress();
        return transportId + " " + host + ":" + remoteAddress.getPort();
    }
}
