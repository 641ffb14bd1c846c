package dev.smbq.transport.quic.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbq.smb2.transport.PeerTrust;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TlsIdentity;
import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.transport.support.Certificates;
import dev.smbq.transport.support.TransportTestSupport;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicClientCodecBuilder;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamType;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates, names, pins, ALPN, mutual TLS, key logs and the one-stream rule on the Netty QUIC backend. */
class NettyQuicSecurityTest extends TransportTestSupport {
    private static final TlsIdentity SERVER = NettyQuicTransportTest.SERVER;
    private static final TlsIdentity OTHER = Certificates.selfSigned(List.of("localhost"), true);

    @Override
    protected String transportId() {
        return NettyQuicTransportProvider.ID;
    }

    @Override
    protected TransportOptions serverOptions() {
        return TransportOptions.defaults().withIdentity(SERVER);
    }

    private SmbChannel connectWith(InetSocketAddress server, TrustPolicy trust, String name) {
        TransportConnector connector = closeLater(provider().connector(TransportOptions.defaults().withTrust(trust)));
        return connector.connect(server, name).orTimeout(30, TimeUnit.SECONDS).join();
    }

    @Test
    void aTrustedServerIsVerifiedAndSpeaksSmb() {
        SmbChannel channel = connectWith(echoServer(serverOptions()), new TrustPolicy.Anchors(SERVER.chain()), "localhost");
        assertThat(channel.info().alpn()).isEqualTo("smb");
        assertThat(channel.info().peerVerified()).isTrue();
        assertThat(channel.info().peerCertificates()).containsExactly(SERVER.leaf());
    }

    @Test
    void aPinnedCertificateIsAcceptedAndAnIpAddressNameMatchesItsSan() {
        Bytes pin = Bytes.wrap(PeerTrust.fingerprint(SERVER.leaf()));
        assertThat(connectWith(echoServer(serverOptions()), new TrustPolicy.Pinned(pin), "127.0.0.1").info()
                .peerVerified()).isTrue();
    }

    @Test
    void anUntrustedCertificateAWrongPinOrAWrongNameIsRefused() {
        InetSocketAddress server = echoServer(serverOptions());
        assertThatThrownBy(() -> connectWith(server, new TrustPolicy.Anchors(OTHER.chain()), "localhost"))
                .hasRootCauseInstanceOf(Exception.class);
        Bytes wrongPin = Bytes.wrap(PeerTrust.fingerprint(OTHER.leaf()));
        assertThatThrownBy(() -> connectWith(server, new TrustPolicy.Pinned(wrongPin), "localhost"))
                .isInstanceOf(Exception.class);
        assertThatThrownBy(() -> connectWith(server, new TrustPolicy.Anchors(SERVER.chain()), "files.example"))
                .isInstanceOf(Exception.class);
    }

    @Test
    void byDefaultAClientTrustsThePlatformTrustStoreWhichDoesNotHoldATestCertificate() {
        assertThat(TransportOptions.defaults().trust()).isEqualTo(new TrustPolicy.Platform());
        InetSocketAddress server = echoServer(serverOptions());
        // quiche itself reports only a TLS failure; the connector passes on why the certificate was refused
        assertThatThrownBy(() -> connectWith(server, TransportOptions.defaults().trust(), "localhost"))
                .isInstanceOf(CompletionException.class)
                .satisfies(e -> assertThat(e.getCause()).isInstanceOf(CertificateException.class)
                        .hasMessageContaining("not trusted by the platform's trust store"));
    }

    @Test
    void insecureTrustConnectsButReportsThePeerUnverified() {
        assertThat(connectWith(echoServer(serverOptions()), new TrustPolicy.Insecure(), "anything").info()
                .peerVerified()).isFalse();
    }

    @Test
    void mutualTlsRequiresAClientCertificateTheServerTrusts() throws InterruptedException {
        TlsIdentity client = Certificates.selfSigned(List.of("client.example"), false);
        InetSocketAddress server = echoServer(serverOptions().withTrust(new TrustPolicy.Anchors(client.chain()))
                .withRequireClientCertificate(true));
        TransportConnector withCertificate = closeLater(provider().connector(TransportOptions.defaults()
                .withTrust(new TrustPolicy.Anchors(SERVER.chain())).withIdentity(client)));
        SmbChannel channel = withCertificate.connect(server, "localhost").orTimeout(30, TimeUnit.SECONDS).join();
        Received received = receive(channel);
        channel.send(Bytes.wrap(new byte[] {1}));
        assertThat(received.next()).isEqualTo(Bytes.wrap(new byte[] {1}));

        SmbChannel without = connectWith(server, new TrustPolicy.Anchors(SERVER.chain()), "localhost");
        Received refused = receive(without);
        without.send(Bytes.wrap(new byte[] {1}));
        assertThat(refused.next()).isEqualTo(Received.CLOSED);
    }

    @Test
    void keyLogsGetTlsSecretsOnBothSides(@TempDir Path directory) throws Exception {
        Path serverLog = directory.resolve("server.keys");
        Path clientLog = directory.resolve("client.keys");
        InetSocketAddress server = echoServer(serverOptions().withKeyLog(serverLog));
        TransportConnector connector = closeLater(provider().connector(TransportOptions.defaults()
                .withTrust(new TrustPolicy.Anchors(SERVER.chain())).withKeyLog(clientLog)));
        SmbChannel channel = connector.connect(server, "localhost").orTimeout(30, TimeUnit.SECONDS).join();
        Received received = receive(channel);
        channel.send(Bytes.wrap(new byte[] {9}));
        received.next();
        for (Path log : List.of(serverLog, clientLog)) {
            assertThat(Files.readString(log)).contains("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_TRAFFIC_SECRET_0");
        }
    }

    @Test
    void theServerRefusesASecondStreamAndAnotherAlpn() throws Exception {
        InetSocketAddress server = echoServer(serverOptions());
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        closeLater(() -> group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly());
        assertThat(rawConnect(group, server, "smb", 2)).as("second stream").isFalse();
        assertThat(rawConnect(group, server, "h3", 1)).as("ALPN h3").isFalse();
    }

    /**
     * Opens a QUIC connection with {@code alpn} and {@code streams} bidirectional streams, bypassing the transport;
     * returns whether the last stream stayed open and usable.
     */
    private static boolean rawConnect(MultiThreadIoEventLoopGroup group, InetSocketAddress server, String alpn,
                                      int streams) throws Exception {
        QuicSslContext ssl = QuicSslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE)
                .applicationProtocols(alpn).build();
        var socket = new io.netty.bootstrap.Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(new QuicClientCodecBuilder().sslContext(ssl).maxIdleTimeout(5, TimeUnit.SECONDS)
                        .initialMaxData(1 << 20).initialMaxStreamDataBidirectionalLocal(1 << 20)
                        .initialMaxStreamDataBidirectionalRemote(1 << 20).build())
                .bind(0).sync().channel();
        try {
            QuicChannel connection;
            try {
                connection = QuicChannel.newBootstrap(socket).handler(new ChannelInboundHandlerAdapter())
                        .streamHandler(new ChannelInboundHandlerAdapter()).remoteAddress(server).connect().get(10, TimeUnit.SECONDS);
            } catch (Exception handshakeRefused) {
                return false;
            }
            QuicStreamChannel last = null;
            for (int i = 0; i < streams; i++) {
                CompletableFuture<QuicStreamChannel> created = new CompletableFuture<>();
                connection.createStream(QuicStreamType.BIDIRECTIONAL, new ChannelInboundHandlerAdapter())
                        .addListener(f -> {
                            if (f.isSuccess()) {
                                created.complete((QuicStreamChannel) f.getNow());
                            } else {
                                created.completeExceptionally(f.cause());
                            }
                        });
                try {
                    last = created.get(5, TimeUnit.SECONDS);
                    // a frame makes the stream exist at the server
                    last.writeAndFlush(io.netty.buffer.Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 1, 7})).sync();
                } catch (Exception refused) {
                    return false;
                }
            }
            QuicStreamChannel stream = last;
            return !stream.closeFuture().await(3, TimeUnit.SECONDS) && !connection.isTimedOut() && connection.isActive();
        } finally {
            socket.close().sync();
        }
    }

}
