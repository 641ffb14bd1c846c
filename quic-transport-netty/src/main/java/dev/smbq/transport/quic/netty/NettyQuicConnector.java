package dev.smbq.transport.quic.netty;

import dev.smbq.smb2.transport.PeerTrust;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TlsIdentity;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicChannelBootstrap;
import io.netty.handler.codec.quic.QuicClientCodecBuilder;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamType;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The client side: for each connection its own UDP socket and QUIC connection, and on it the one bidirectional
 * stream that carries SMB. The server's certificate is checked against the trust policy and the server name; the
 * TLS engine is given the name (and SNI) explicitly, since the codec's default engine would not know it.
 */
final class NettyQuicConnector implements TransportConnector {
    private final QuicSettings settings;
    private final EventLoopGroup group;

    NettyQuicConnector(TransportOptions options) {
        this.settings = new QuicSettings(options);
        this.group = settings.newGroup(1);
    }

    @Override
    public CompletableFuture<SmbChannel> connect(InetSocketAddress remote, String serverName) {
        PeerTrust.PolicyTrustManager trust = PeerTrust.of(settings.options.trust(), serverName);
        QuicSslContextBuilder ssl = QuicSslContextBuilder.forClient()
                .applicationProtocols(QuicSettings.ALPN)
                .trustManager(trust);
        settings.options.identity().ifPresent((TlsIdentity identity) ->
                ssl.keyManager(identity.key(), null, identity.chain().toArray(new X509Certificate[0])));
        QuicSslContext context = settings.keyLog(ssl).build();
        ChannelHandler codec = settings.configure(new QuicClientCodecBuilder())
                .sslEngineProvider(connection -> context.newEngine(connection.alloc(), serverName, remote.getPort()))
                .build();
        CompletableFuture<SmbChannel> result = new CompletableFuture<>();
        settings.datagramBootstrap(group).handler(codec).bind(0).addListener(bound -> {
            if (!bound.isSuccess()) {
                result.completeExceptionally(bound.cause());
                return;
            }
            Channel socket = ((io.netty.channel.ChannelFuture) bound).channel();
            QuicChannelBootstrap bootstrap = QuicChannel.newBootstrap(socket);
            settings.segmentedSending(bootstrap::option);
            bootstrap.handler(new ChannelInboundHandlerAdapter())
                    .streamOption(ChannelOption.AUTO_READ, false)
                    .streamOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .remoteAddress(remote)
                    .connect().addListener(connected -> {
                        if (!connected.isSuccess()) {
                            socket.close();
                            // quiche reports a refused certificate only as a TLS failure; the trust manager says why
                            result.completeExceptionally(trust.explain(connected.cause()));
                            return;
                        }
                        QuicChannel connection = (QuicChannel) connected.getNow();
                        connection.closeFuture().addListener(closed -> socket.close());
                        connection.createStream(QuicStreamType.BIDIRECTIONAL, new ChannelInboundHandlerAdapter())
                                .addListener(created -> {
                                    if (created.isSuccess()) {
                                        result.complete(QuicStreams.wrap((QuicStreamChannel) created.getNow(), settings,
                                                settings.verifiesPeer()));
                                    } else {
                                        connection.close();
                                        result.completeExceptionally(created.cause());
                                    }
                                });
                    });
        });
        return result;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
