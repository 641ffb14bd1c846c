package dev.smbq.transport.quic.netty;

import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.transport.TransportAcceptor;
import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TransportProvider;

/**
 * SMB over QUIC on Netty's QUIC codec (quiche with BoringSSL): ALPN "smb", UDP port 443 by default, one
 * bidirectional stream per connection opened by the client, carrying the Direct TCP framing.
 *
 * <p>Backend options ({@link TransportOptions#backendOptions()}):
 * <ul>
 *   <li>{@code datagram-size}: largest UDP payload sent and received (default 1350, safe on real paths; 65000 is
 *       several times faster on loopback);</li>
 *   <li>{@code congestion-control}: {@code cubic} (default), {@code reno} or {@code bbr};</li>
 *   <li>{@code epoll}: {@code true} to use epoll with UDP GSO/GRO where available (default), {@code false} for NIO;</li>
 *   <li>{@code retry}: {@code true} to make clients prove their address with a Retry (default false: a Retry stops
 *       Wireshark from decrypting the capture).</li>
 * </ul>
 */
public final class NettyQuicTransportProvider implements TransportProvider {
    public static final String ID = "quic-netty";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TransportKind kind() {
        return TransportKind.QUIC;
    }

    @Override
    public int defaultPort() {
        return 443;
    }

    @Override
    public TransportConnector connector(TransportOptions options) {
        return new NettyQuicConnector(options);
    }

    @Override
    public TransportAcceptor acceptor(TransportOptions options) {
        return new NettyQuicAcceptor(options);
    }
}
