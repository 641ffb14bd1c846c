package dev.smbq.transport.tcp;

import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.transport.TransportOptions;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/** Opens Direct TCP connections. */
final class TcpConnector implements TransportConnector {
    private final TransportOptions options;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    TcpConnector(TransportOptions options) {
        this.options = options;
    }

    @Override
    public CompletableFuture<SmbChannel> connect(InetSocketAddress remote, String serverName) {
        CompletableFuture<SmbChannel> result = new CompletableFuture<>();
        new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.AUTO_READ, false)
                .option(TcpChannels.NO_DELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, TcpChannels.waterMark(options))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        options.idleTimeout().toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        // the framing handler is added when the channel is wrapped
                    }
                })
                .connect(remote).addListener(future -> {
                    if (future.isSuccess()) {
                        result.complete(TcpChannels.wrap(((io.netty.channel.ChannelFuture) future).channel(), options));
                    } else {
                        result.completeExceptionally(future.cause());
                    }
                });
        return result;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
