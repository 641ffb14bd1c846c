package dev.smbq.transport.quic.kwik;

import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.transport.TransportAcceptor;
import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TransportProvider;

/**
 * SMB over QUIC on kwik, a QUIC stack in plain Java: ALPN "smb", UDP port 443 by default, one client-opened
 * bidirectional stream per connection carrying the Direct TCP framing.
 *
 * <p>What kwik lacks, compared with the Netty backend: its server offers only TLS_AES_128_GCM_SHA256, sends datagrams
 * of at most 1500 bytes, uses NewReno congestion control, cannot write a TLS key log (the client can), and asks no
 * client certificates. Backend option {@code retry} ({@code true}/{@code false}, default false) makes the server
 * demand a Retry. The send-path stall of kwik 0.10.8 is worked around by {@link StallGuard}, its other flaws by
 * {@link KwikWorkarounds}.
 */
public final class KwikQuicTransportProvider implements TransportProvider {
    public static final String ID = "quic-kwik";

    static {
        KwikWorkarounds.disableLossDetectorAssertions();
    }

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
        return new KwikConnector(options);
    }

    @Override
    public TransportAcceptor acceptor(TransportOptions options) {
        return new KwikAcceptor(options);
    }
}
