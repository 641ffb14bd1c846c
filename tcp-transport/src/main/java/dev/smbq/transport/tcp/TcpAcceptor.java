package dev.smbq.transport.tcp;

import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportAcceptor;
import dev.smbq.smb2.transport.TransportOptions;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Listens for Direct TCP connections. */
final class TcpAcceptor implements TransportAcceptor {
    private final TransportOptions options;
    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    private volatile Channel listener;

    TcpAcceptor(TransportOptions options) {
        this.options = options;
    }

    @Override
    public CompletableFuture<InetSocketAddress> listen(InetSocketAddress local, Consumer<SmbChannel> onChannel) {
        CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
        new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(TcpChannels.NO_DELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, TcpChannels.waterMark(options))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        onChannel.accept(TcpChannels.wrap(channel, options));
                    }
                })
                .bind(local).addListener(future -> {
                    if (future.isSuccess()) {
                        listener = ((io.netty.channel.ChannelFuture) future).channel();
                        bound.complete((InetSocketAddress) listener.localAddress());
                    } else {
                        bound.completeExceptionally(future.cause());
                    }
                });
        return bound;
    }

    @Override
    public void close() {
        Channel current = listener;
        if (current != null) {
            current.close().syncUninterruptibly();
        }
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
