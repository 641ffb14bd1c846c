package dev.smbq.transport.quic.netty;

import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.transport.ChannelInfo;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportStatistics;
import dev.smbq.transport.support.NettySmbChannel;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.quic.DefaultQuicStreamFrame;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicConnectionStats;
import io.netty.handler.codec.quic.QuicStreamChannel;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns the SMB stream of a QUIC connection into an {@link SmbChannel}, with a close that loses nothing.
 *
 * <p>Closing gracefully: send FIN on the stream behind everything queued (a FIN frame, never {@code shutdownOutput},
 * which in this codec goes out at once and drops queued writes). The side that then receives the peer's FIN closes
 * the connection; a side that receives FIN first answers with its own FIN and waits for the peer to close the
 * connection, up to {@link #CLOSE_GRACE_SECONDS}. So CONNECTION_CLOSE only follows data both sides have received.
 */
final class QuicStreams {
    static final int CLOSE_GRACE_SECONDS = 10;

    private QuicStreams() {
    }

    static SmbChannel wrap(QuicStreamChannel stream, QuicSettings settings, boolean peerVerified) {
        QuicChannel connection = stream.parent();
        FinHandler fins = new FinHandler();
        stream.pipeline().addLast("fin", fins);
        ChannelInfo info = new ChannelInfo(TransportKind.QUIC, NettyQuicTransportProvider.ID,
                (InetSocketAddress) connection.localSocketAddress(), (InetSocketAddress) connection.remoteSocketAddress(),
                alpn(connection), peerCertificates(connection), peerVerified, settings.options.maxMessageSize());
        return new NettySmbChannel(stream, info, channel -> fins.closeGracefully((QuicStreamChannel) channel),
                () -> statistics(connection));
    }

    private static String alpn(QuicChannel connection) {
        String protocol = connection.sslEngine().getApplicationProtocol();
        return protocol == null ? "" : protocol;
    }

    private static List<X509Certificate> peerCertificates(QuicChannel connection) {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            for (Certificate certificate : connection.sslEngine().getSession().getPeerCertificates()) {
                if (certificate instanceof X509Certificate x509) {
                    chain.add(x509);
                }
            }
        } catch (SSLPeerUnverifiedException noCertificate) {
            // the peer sent none (a client without mutual TLS)
        }
        return chain;
    }

    private static CompletableFuture<TransportStatistics> statistics(QuicChannel connection) {
        CompletableFuture<TransportStatistics> result = new CompletableFuture<>();
        connection.collectStats().addListener(future -> {
            if (future.isSuccess()) {
                QuicConnectionStats stats = (QuicConnectionStats) future.getNow();
                result.complete(new TransportStatistics(stats.sentBytes(), stats.recvBytes(), stats.sent(),
                        stats.recv(), stats.lost()));
            } else {
                result.completeExceptionally(future.cause());
            }
        });
        return result;
    }

    /** Tracks the FINs of the stream and closes the connection at the right moment. */
    private static final class FinHandler extends ChannelInboundHandlerAdapter {
        private boolean finSent;
        private boolean finReceived;

        CompletableFuture<Void> closeGracefully(QuicStreamChannel stream) {
            stream.eventLoop().execute(() -> {
                if (!finSent) {
                    sendFin(stream);
                    if (finReceived) {
                        stream.parent().close();
                    } else {
                        closeLater(stream);
                    }
                }
            });
            return NettySmbChannel.completion(stream.closeFuture());
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == ChannelInputShutdownEvent.INSTANCE) {
                finReceived = true;
                QuicStreamChannel stream = (QuicStreamChannel) ctx.channel();
                if (finSent) {
                    stream.parent().close();
                } else {
                    sendFin(stream);
                    closeLater(stream);
                }
            }
            super.userEventTriggered(ctx, event);
        }

        private void sendFin(QuicStreamChannel stream) {
            finSent = true;
            stream.writeAndFlush(new DefaultQuicStreamFrame(Unpooled.EMPTY_BUFFER, true));
        }

        private static void closeLater(Channel stream) {
            stream.eventLoop().schedule(() -> ((QuicStreamChannel) stream).parent().close(), CLOSE_GRACE_SECONDS,
                    TimeUnit.SECONDS);
        }
    }
}
