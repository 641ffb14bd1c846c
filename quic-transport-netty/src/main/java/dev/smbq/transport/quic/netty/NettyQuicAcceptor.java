package dev.smbq.transport.quic.netty;

import dev.smbq.smb2.transport.PeerTrust;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TlsIdentity;
import dev.smbq.smb2.transport.TransportAcceptor;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TrustPolicy;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.quic.InsecureQuicTokenHandler;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicServerCodecBuilder;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamType;
import io.netty.handler.ssl.ClientAuth;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The server side: one UDP socket, QUIC connections on it, and on each connection exactly one SMB stream, the
 * first bidirectional stream the client opens. Any other stream is refused (closed at once); the transport
 * parameters already allow the client only one bidirectional stream and no unidirectional ones.
 */
final class NettyQuicAcceptor implements TransportAcceptor {
    private static final AttributeKey<Boolean> SMB_STREAM_TAKEN = AttributeKey.valueOf("smbq.smbStreamTaken");

    private final QuicSettings settings;
    private final EventLoopGroup group;
    private volatile Channel socket;

    NettyQuicAcceptor(TransportOptions options) {
        this.settings = new QuicSettings(options);
        this.group = settings.newGroup(1);
    }

    @Override
    public CompletableFuture<InetSocketAddress> listen(InetSocketAddress local, Consumer<SmbChannel> onChannel) {
        TlsIdentity identity = settings.options.identity()
                .orElseThrow(() -> new IllegalStateException("a QUIC server needs a certificate"));
        // a server asks for client certificates only when told to: to require one, or with a trust file or pin
        TrustPolicy trust = settings.options.trust();
        boolean clientCertificates = settings.options.requireClientCertificate()
                || trust instanceof TrustPolicy.Anchors || trust instanceof TrustPolicy.Pinned;
        QuicSslContextBuilder ssl = QuicSslContextBuilder.forServer(identity.key(), null,
                        identity.chain().toArray(new X509Certificate[0]))
                .applicationProtocols(QuicSettings.ALPN);
        if (clientCertificates) {
            ssl.trustManager(PeerTrust.of(settings.options.trust(), ""))
                    .clientAuth(settings.options.requireClientCertificate() ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL);
        }
        QuicSslContext context = settings.keyLog(ssl).build();
        QuicServerCodecBuilder builder = settings.configure(new QuicServerCodecBuilder());
        settings.segmentedSending(builder::option);
        ChannelHandler codec = builder
                .sslContext(context)
                .tokenHandler(settings.retry ? InsecureQuicTokenHandler.INSTANCE : null)
                .handler(ConnectionHandler.INSTANCE)
                .streamOption(ChannelOption.AUTO_READ, false)
                // the peer's FIN must not close the stream before our own last messages and FIN are out
                .streamOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .streamHandler(new ChannelInitializer<QuicStreamChannel>() {
                    @Override
                    protected void initChannel(QuicStreamChannel stream) {
                        QuicChannel connection = stream.parent();
                        boolean first = connection.attr(SMB_STREAM_TAKEN).setIfAbsent(Boolean.TRUE) == null;
                        if (!first || stream.type() != QuicStreamType.BIDIRECTIONAL || stream.isLocalCreated()) {
                            stream.close();
                            return;
                        }
                        boolean verified = clientCertificates && stream.parent().sslEngine().getSession() != null
                                && hasPeerCertificate(connection);
                        onChannel.accept(QuicStreams.wrap(stream, settings, verified));
                    }
                })
                .build();
        CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
        settings.datagramBootstrap(group).handler(codec).bind(local).addListener(future -> {
            if (future.isSuccess()) {
                socket = ((io.netty.channel.ChannelFuture) future).channel();
                bound.complete((InetSocketAddress) socket.localAddress());
            } else {
                bound.completeExceptionally(future.cause());
            }
        });
        return bound;
    }

    /** Each connection's pipeline needs a handler; this one shares its single instance among them. */
    @ChannelHandler.Sharable
    private static final class ConnectionHandler extends ChannelInboundHandlerAdapter {
        static final ConnectionHandler INSTANCE = new ConnectionHandler();

        /** A failed handshake (untrusted client, wrong ALPN) ends that connection; nothing else is affected. */
        @Override
        public void exceptionCaught(io.netty.channel.ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private static boolean hasPeerCertificate(QuicChannel connection) {
        try {
            return connection.sslEngine().getSession().getPeerCertificates().length > 0;
        } catch (javax.net.ssl.SSLPeerUnverifiedException none) {
            return false;
        }
    }

    @Override
    public void close() {
        QuicSettings.closeQuietly(socket);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
