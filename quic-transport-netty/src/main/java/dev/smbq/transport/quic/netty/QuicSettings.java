package dev.smbq.transport.quic.netty;

import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.transport.support.KeyLogFile;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.quic.EpollQuicUtils;
import io.netty.handler.codec.quic.QuicChannelOption;
import io.netty.handler.codec.quic.QuicCodecBuilder;
import io.netty.handler.codec.quic.QuicCongestionControlAlgorithm;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.bootstrap.Bootstrap;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The QUIC settings both sides share, read from {@link TransportOptions}. */
final class QuicSettings {
    static final String ALPN = "smb";
    private static final int DEFAULT_DATAGRAM_SIZE = 1350;
    private static final int RECEIVE_BUFFER = 65536;
    /** The kernel default (about 208 KiB) overflows when a few hundred handshakes arrive at once. */
    private static final int SOCKET_RECEIVE_BUFFER = 4 << 20;
    private static final int MAX_SEGMENTS = 10;
    private static final int MAX_UDP_PAYLOAD = 65507;

    final TransportOptions options;
    final int datagramSize;
    final QuicCongestionControlAlgorithm congestionControl;
    final boolean epoll;
    final boolean retry;

    QuicSettings(TransportOptions options) {
        this.options = options;
        this.datagramSize = Integer.parseInt(options.backendOption("datagram-size", String.valueOf(DEFAULT_DATAGRAM_SIZE)));
        this.congestionControl = QuicCongestionControlAlgorithm.valueOf(
                options.backendOption("congestion-control", "cubic").toUpperCase(Locale.ROOT));
        this.epoll = Boolean.parseBoolean(options.backendOption("epoll", "true")) && Epoll.isAvailable();
        this.retry = Boolean.parseBoolean(options.backendOption("retry", "false"));
    }

    /**
     * Transport parameters: flow-control windows of two maximum-size messages per stream and four per connection, so
     * an 8 MiB WRITE never waits for a window update; one bidirectional stream, no unidirectional ones.
     */
    <B extends QuicCodecBuilder<B>> B configure(B builder) {
        long streamWindow = 2L * options.maxMessageSize();
        return builder.maxIdleTimeout(options.idleTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .maxSendUdpPayloadSize(datagramSize)
                .maxRecvUdpPayloadSize(datagramSize)
                .congestionControlAlgorithm(congestionControl)
                .initialMaxData(2 * streamWindow)
                .initialMaxStreamDataBidirectionalLocal(streamWindow)
                .initialMaxStreamDataBidirectionalRemote(streamWindow)
                .initialMaxStreamsBidirectional(1)
                .initialMaxStreamsUnidirectional(0);
    }

    /** Writes TLS secrets in SSLKEYLOGFILE format when the options ask for it. */
    QuicSslContextBuilder keyLog(QuicSslContextBuilder builder) {
        options.keyLog().ifPresent(file -> {
            KeyLogFile log = new KeyLogFile(file);
            builder.keylog((engine, line) -> log.append(line));
        });
        return builder;
    }

    boolean verifiesPeer() {
        return !(options.trust() instanceof TrustPolicy.Insecure);
    }

    EventLoopGroup newGroup(int threads) {
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, factory);
    }

    /** A UDP bootstrap: epoll with GSO/GRO segments when available, else NIO; big enough receive buffers. */
    Bootstrap datagramBootstrap(EventLoopGroup group) {
        Bootstrap bootstrap = new Bootstrap().group(group)
                // the default 2048-byte receive buffer would cut larger datagrams
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(RECEIVE_BUFFER))
                .option(ChannelOption.SO_RCVBUF, SOCKET_RECEIVE_BUFFER);
        if (epoll) {
            bootstrap.channel(EpollDatagramChannel.class).option(EpollChannelOption.UDP_GRO, true);
        } else {
            bootstrap.channel(NioDatagramChannel.class);
        }
        return bootstrap;
    }

    /**
     * With epoll, QUIC connections send through GSO: up to 10 datagrams in one system call, as many as fit the
     * kernel's limit for one segmented send (a UDP payload of at most 65507 bytes in all; beyond it sendmmsg fails
     * with EMSGSIZE and the datagrams are lost). Datagrams too large for two per call are sent one by one.
     */
    void segmentedSending(java.util.function.BiConsumer<io.netty.channel.ChannelOption<
            io.netty.handler.codec.quic.SegmentedDatagramPacketAllocator>,
            io.netty.handler.codec.quic.SegmentedDatagramPacketAllocator> option) {
        int segments = segmentsPerSend();
        if (epoll && segments >= 2) {
            option.accept(QuicChannelOption.SEGMENTED_DATAGRAM_PACKET_ALLOCATOR,
                    EpollQuicUtils.newSegmentedAllocator(segments));
        }
    }

    /** How many datagrams of this size one segmented send may carry. */
    int segmentsPerSend() {
        return Math.min(MAX_SEGMENTS, MAX_UDP_PAYLOAD / datagramSize);
    }

    static void closeQuietly(Channel channel) {
        if (channel != null) {
            channel.close();
        }
    }
}
