package dev.smbq.transport.quic.kwik;

import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.transport.ChannelInfo;
import dev.smbq.smb2.transport.PeerTrust;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TrustPolicy;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tech.kwik.core.QuicClientConnection;
import tech.kwik.core.QuicStream;
import tech.kwik.core.log.NullLogger;

/** The kwik client: one QUIC connection and its one SMB stream per {@link #connect}. */
final class KwikConnector implements TransportConnector {
    private final TransportOptions options;
    private final ExecutorService connecting = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "smbq-kwik-connect");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<QuicClientConnection> connections = ConcurrentHashMap.newKeySet();

    KwikConnector(TransportOptions options) {
        this.options = options;
    }

    @Override
    public CompletableFuture<SmbChannel> connect(InetSocketAddress remote, String serverName) {
        return CompletableFuture.supplyAsync(() -> {
            PeerTrust.PolicyTrustManager trust = PeerTrust.of(options.trust(), serverName);
            try {
                // kwik checks the certificate against the host it is given, by DNS names only; so it gets the server
                // name as host, and the address to send to as "proxy".
                QuicClientConnection.Builder builder = KwikWorkarounds.clientBuilder()
                        .host(serverName).proxy(remote.getAddress().getHostAddress()).port(remote.getPort())
                        .applicationProtocol("smb")
                        .connectTimeout(options.idleTimeout().compareTo(java.time.Duration.ofSeconds(30)) < 0
                                ? options.idleTimeout() : java.time.Duration.ofSeconds(30))
                        .maxIdleTimeout(options.idleTimeout())
                        .defaultStreamReceiveBufferSize(2L * options.maxMessageSize())
                        .maxOpenPeerInitiatedBidirectionalStreams(0)
                        .maxOpenPeerInitiatedUnidirectionalStreams(0)
                        .logger(new NullLogger());
                if (options.trust() instanceof TrustPolicy.Insecure) {
                    builder.noServerCertificateCheck();
                } else {
                    builder.customTrustManager(trust);
                }
                options.keyLog().ifPresent(builder::secrets);
                options.identity().ifPresent(identity -> builder.clientCertificate(identity.leaf())
                        .clientCertificateKey(identity.key()));
                QuicClientConnection connection = builder.build();
                connection.connect();
                connections.add(connection);
                QuicStream stream = connection.createStream(true);
                ChannelInfo info = new ChannelInfo(TransportKind.QUIC, KwikQuicTransportProvider.ID,
                        connection.getLocalAddress(), remote, "smb", connection.getServerCertificateChain(),
                        !(options.trust() instanceof TrustPolicy.Insecure), options.maxMessageSize());
                KwikSmbChannel channel = new KwikSmbChannel(connection, stream, info, options.idleTimeout());
                channel.closeFuture().thenRun(() -> connections.remove(connection));
                return (SmbChannel) channel;
            } catch (java.io.IOException e) {
                // kwik reports a refused certificate only as a failed validation; the trust manager says why
                throw new java.util.concurrent.CompletionException(trust.explain(e));
            }
        }, connecting);
    }

    @Override
    public void close() {
        connections.forEach(QuicClientConnection::close);
        connecting.shutdownNow();
    }

}
