package dev.smbq.transport.tcp;

import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.transport.ChannelInfo;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.transport.support.NettySmbChannel;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;

/** What the TCP connector and acceptor share: socket settings and the channel wrapper. */
final class TcpChannels {
    /** Backpressure: unwritable above two maximum-size messages queued, writable again below one. */
    static WriteBufferWaterMark waterMark(TransportOptions options) {
        return new WriteBufferWaterMark(options.maxMessageSize(), 2 * options.maxMessageSize());
    }

    static final ChannelOption<Boolean> NO_DELAY = ChannelOption.TCP_NODELAY;

    private TcpChannels() {
    }

    static SmbChannel wrap(Channel channel, TransportOptions options) {
        // QUIC closes idle connections itself; TCP gets the same rule here.
        channel.pipeline().addLast("idle", new IdleStateHandler(0, 0, options.idleTimeout().toMillis(),
                TimeUnit.MILLISECONDS) {
            @Override
            protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
                ctx.close();
            }
        });
        ChannelInfo info = new ChannelInfo(TransportKind.TCP, TcpTransportProvider.ID,
                (InetSocketAddress) channel.localAddress(), (InetSocketAddress) channel.remoteAddress(), "", List.of(),
                false, options.maxMessageSize());
        return new NettySmbChannel(channel, info, TcpChannels::closeAfterPendingWrites, null);
    }

    /** An empty write queued behind everything else; the socket closes when it is through. */
    private static CompletableFuture<Void> closeAfterPendingWrites(Channel channel) {
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        return NettySmbChannel.completion(channel.closeFuture());
    }
}
