package dev.smbq.transport.quic.kwik;

import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.transport.ChannelInfo;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TlsIdentity;
import dev.smbq.smb2.transport.TransportAcceptor;
import dev.smbq.smb2.transport.TransportOptions;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import tech.kwik.core.QuicConnection;
import tech.kwik.core.QuicStream;
import tech.kwik.core.log.NullLogger;
import tech.kwik.core.server.ApplicationProtocolConnection;
import tech.kwik.core.server.ApplicationProtocolConnectionFactory;
import tech.kwik.core.server.ServerConnection;
import tech.kwik.core.server.ServerConnectionConfig;
import tech.kwik.core.server.ServerConnector;

/**
 * The kwik server. Each connection may open one bidirectional stream in its lifetime and no unidirectional one,
 * which kwik's stream limits enforce.
 *
 * <p>Shutdown goes through {@link ServerConnector#close()}, which marks its receiver as closing before it closes the
 * socket; kwik calls {@code System.exit} when its socket fails while not closing, so this class never closes the
 * socket itself.
 */
final class KwikAcceptor implements TransportAcceptor {
    private static final char[] KEY_STORE_PASSWORD = "smbq".toCharArray();
    private static final String ALIAS = "smbq";

    private final TransportOptions options;
    private final ExecutorService handoff = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "smbq-kwik-accept");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ServerConnector server;

    KwikAcceptor(TransportOptions options) {
        this.options = options;
    }

    @Override
    public CompletableFuture<InetSocketAddress> listen(InetSocketAddress local, Consumer<SmbChannel> onChannel) {
        try {
            TlsIdentity identity = options.identity()
                    .orElseThrow(() -> new IllegalStateException("a QUIC server needs a certificate"));
            DatagramSocket socket = new DatagramSocket(local);
            // the kernel default (about 208 KiB) overflows when a few hundred handshakes arrive at once
            socket.setReceiveBufferSize(4 << 20);
            int streamBuffer = 2 * options.maxMessageSize();
            ServerConnectionConfig config = ServerConnectionConfig.builder()
                    .maxIdleTimeout((int) Math.min(Integer.MAX_VALUE, options.idleTimeout().toMillis()))
                    .maxConnectionBufferSize(2L * streamBuffer)
                    .maxBidirectionalStreamBufferSize(streamBuffer)
                    .maxUnidirectionalStreamBufferSize(0)
                    .maxOpenPeerInitiatedBidirectionalStreams(1)
                    .maxTotalPeerInitiatedBidirectionalStreams(1)
                    .maxOpenPeerInitiatedUnidirectionalStreams(0)
                    .retryRequired(Boolean.parseBoolean(options.backendOption("retry", "false")))
                    .build();
            ServerConnector connector = ServerConnector.builder()
                    .withSocket(socket)
                    .withKeyStore(keyStore(identity), ALIAS, KEY_STORE_PASSWORD)
                    .withConfiguration(config)
                    .withLogger(new NullLogger())
                    .build();
            connector.registerApplicationProtocol("smb", new ApplicationProtocolConnectionFactory() {
                @Override
                public ApplicationProtocolConnection createConnection(String protocol, QuicConnection connection) {
                    return new ApplicationProtocolConnection() {
                        @Override
                        public void acceptPeerInitiatedStream(QuicStream stream) {
                            // runs on a kwik thread: hand the stream to a thread of ours at once
                            handoff.execute(() -> onChannel.accept(channel(connection, stream, socket)));
                        }
                    };
                }

                @Override
                public int maxConcurrentPeerInitiatedBidirectionalStreams() {
                    return 1;
                }

                @Override
                public long maxTotalPeerInitiatedBidirectionalStreams() {
                    return 1;
                }
            });
            connector.start();
            server = connector;
            return CompletableFuture.completedFuture((InetSocketAddress) socket.getLocalSocketAddress());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private SmbChannel channel(QuicConnection connection, QuicStream stream, DatagramSocket socket) {
        ChannelInfo info = new ChannelInfo(TransportKind.QUIC, KwikQuicTransportProvider.ID,
                (InetSocketAddress) socket.getLocalSocketAddress(), remoteOf(connection), "smb", List.of(), false,
                options.maxMessageSize());
        return new KwikSmbChannel(connection, stream, info, options.idleTimeout());
    }

    private static InetSocketAddress remoteOf(QuicConnection connection) {
        return connection instanceof ServerConnection server ? server.getInitialRemoteAddress() : new InetSocketAddress(0);
    }

    private static KeyStore keyStore(TlsIdentity identity) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, identity.key(), KEY_STORE_PASSWORD, identity.chain().toArray(new Certificate[0]));
        return store;
    }

    @Override
    public void close() {
        ServerConnector current = server;
        if (current != null) {
            current.close();
        }
        handoff.shutdownNow();
    }
}
