package dev.smbq.bench;

import dev.smbq.smb2.transport.MessageListener;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TlsIdentity;
import dev.smbq.smb2.transport.TransportAcceptor;
import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TransportProvider;
import dev.smbq.smb2.transport.Transports;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.transport.support.Certificates;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ceiling of each transport: a raw stream of 1 MiB messages (no SMB) over loopback, client to server, with
 * the server acknowledging every 64 MiB. The score is MiB/s. SMB throughput is later stated as a ratio to this.
 *
 * <p>Setups: {@code tcp}; {@code quic-netty} with 1350-byte datagrams (safe on real paths) or 65000-byte ones
 * (loopback only), each with epoll/GSO or with NIO; {@code quic-kwik}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class RawStreamBenchmark extends BenchmarkJvm {
    private static final int MESSAGE = 1 << 20;
    private static final int BATCH = 64;

    @Param({"tcp", "quic-netty:1350:epoll", "quic-netty:1350:nio", "quic-netty:65000:epoll", "quic-netty:65000:nio",
            "quic-kwik"})
    public String setup;

    private TransportAcceptor acceptor;
    private TransportConnector connector;
    private SmbChannel channel;
    private final BlockingQueue<Bytes> acknowledgments = new ArrayBlockingQueue<>(16);
    private final Bytes message = Bytes.wrap(new byte[MESSAGE]);

    @Setup(Level.Trial)
    public void start() {
        String[] parts = setup.split(":");
        TransportProvider provider = Transports.byId(parts[0]);
        TlsIdentity identity = Certificates.selfSigned(List.of("localhost"), true);
        TransportOptions server = TransportOptions.defaults().withIdentity(identity);
        TransportOptions client = TransportOptions.defaults().withTrust(new TrustPolicy.Anchors(identity.chain()));
        if (parts.length == 3) {
            server = server.withBackendOption("datagram-size", parts[1]).withBackendOption("epoll", String.valueOf(parts[2].equals("epoll")));
            client = client.withBackendOption("datagram-size", parts[1]).withBackendOption("epoll", String.valueOf(parts[2].equals("epoll")));
        }
        acceptor = provider.acceptor(server);
        InetSocketAddress address = acceptor.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                accepted -> accepted.start(new MessageListener() {
                    private long bytes;

                    @Override
                    public void onMessage(SmbChannel source, Bytes received) {
                        bytes += received.length();
                        if (bytes == (long) BATCH * MESSAGE) {
                            bytes = 0;
                            source.send(Bytes.wrap(new byte[] {1}));
                        }
                    }

                    @Override
                    public void onClosed(SmbChannel source, Throwable cause) {
                    }
                })).join();
        connector = provider.connector(client);
        channel = connector.connect(address, "localhost").join();
        channel.start(new MessageListener() {
            @Override
            public void onMessage(SmbChannel source, Bytes received) {
                acknowledgments.add(received);
            }

            @Override
            public void onClosed(SmbChannel source, Throwable cause) {
            }
        });
    }

    /** 64 MiB up, acknowledged: one operation per MiB, so the score reads as MiB/s. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Bytes upload() throws Exception {
        for (int i = 0; i < BATCH; i++) {
            // at most a few messages in flight: what backpressure allows, without unbounded queueing
            var sent = channel.send(message);
            if (i % 4 == 3) {
                sent.get(60, TimeUnit.SECONDS);
            }
        }
        return acknowledgments.poll(120, TimeUnit.SECONDS);
    }

    @TearDown(Level.Trial)
    public void stop() {
        channel.closeGracefully().orTimeout(15, TimeUnit.SECONDS).exceptionally(e -> null).join();
        connector.close();
        acceptor.close();
    }
}
