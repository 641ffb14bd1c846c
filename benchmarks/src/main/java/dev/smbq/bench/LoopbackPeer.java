package dev.smbq.bench;

import dev.smbq.client.SmbClient;
import dev.smbq.client.SmbTree;
import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.crypto.JitWarmup;
import dev.smbq.smb2.transport.MessageListener;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.transport.Transports;
import dev.smbq.smb2.wire.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What the end-to-end benchmarks run against: a {@link PeerProcess} in another JVM, and this JVM's client of it, either
 * an SMB session with a tree connected (and a file to read) or a raw channel. Each trial starts a peer of its own and
 * stops it at the end, unless {@link #keepPeersBetweenTrials()} was called: then every trial of a transport in this
 * JVM uses the same peer, still warm from the trials before.
 */
final class LoopbackPeer implements AutoCloseable {
    static final String DOWNLOAD_FILE = "download.bin";
    static final int BYTES_PER_OPERATION = BenchSetup.MEBIBYTES_PER_OPERATION << 20;
    /** What a download moves: the content of the share's download file, which the raw peer sends as well. */
    static final int DOWNLOAD_SEED = 7;

    private static final Map<String, PeerProcess> KEPT = new ConcurrentHashMap<>();
    private static volatile boolean keepPeers;

    private final BenchSetup setup;
    private final PeerProcess peer;
    private final InetSocketAddress address;
    private SmbClient client;
    private SmbTree tree;
    private TransportConnector rawConnector;
    private SmbChannel rawChannel;
    private final BlockingQueue<Integer> rawReceived = new LinkedBlockingQueue<>();

    private LoopbackPeer(BenchSetup setup, PeerProcess peer) {
        this.setup = setup;
        this.peer = peer;
        this.address = peer.address(setup);
    }

    /**
     * From now on, trials in this JVM share one peer per transport, kept running between them and stopped when this
     * JVM exits: what a quick run does in each of its end-to-end JVMs, so that its server is compiled once rather
     * than for every row.
     */
    static void keepPeersBetweenTrials() {
        keepPeers = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> KEPT.values().forEach(peer -> {
            try {
                peer.close();
            } catch (IOException ignored) {
                // exiting anyway; the peer exits when our end of its standard input goes
            }
        })));
    }

    /** Connects to a peer for {@code setup}; for SMB, logs in and connects the tree. */
    static LoopbackPeer start(BenchSetup setup, int pieceSize, int depth) throws Exception {
        String transport = setup.transport();
        LoopbackPeer loopback = new LoopbackPeer(setup,
                keepPeers ? KEPT.computeIfAbsent(transport, LoopbackPeer::startPeer) : startPeer(transport));
        if (setup.raw()) {
            loopback.connectRaw();
        } else {
            loopback.client = loopback.connect(pieceSize, depth);
            loopback.tree = loopback.client.login(Credentials.password(BenchPeer.USER, "", BenchPeer.PASSWORD))
                    .connectTree(BenchPeer.SHARE);
        }
        return loopback;
    }

    private static PeerProcess startPeer(String transport) {
        // as servers and clients do when they start, here before measuring, while the peer's JVM starts
        CompletableFuture<Void> warmup = CompletableFuture.runAsync(JitWarmup::run);
        try {
            PeerProcess peer = PeerProcess.start(transport);
            warmup.join();
            return peer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One operation's worth of random bytes, the same for the same seed. */
    static Bytes operationData(int seed) {
        byte[] data = new byte[BYTES_PER_OPERATION];
        new Random(seed).nextBytes(data);
        return Bytes.wrap(data);
    }

    /** A new client of the peer (for handshakes), not logged in. */
    SmbClient connect(int pieceSize, int depth) throws Exception {
        return SmbClient.connect(setup.transport(), address, "localhost",
                setup.clientOptions(pieceSize, depth, peer.certificatePin()));
    }

    SmbTree tree() {
        return tree;
    }

    /** Writes {@code data} into the file {@code name} of the share through the file system, not over SMB. */
    void writeFile(String name, Bytes data) throws IOException {
        peer.writeFile(name, data);
    }

    /** CPU time used so far by this JVM and the peer's together, in nanoseconds. */
    long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() + peer.cpuNanos();
    }

    private void connectRaw() {
        rawConnector = Transports.byId(setup.transport())
                .connector(BenchSetup.transportOptions(setup.transport()).withTrust(peer.certificatePin()));
        rawChannel = rawConnector.connect(address, "localhost").join();
        rawChannel.start(new MessageListener() {
            @Override
            public void onMessage(SmbChannel source, Bytes message) {
                rawReceived.add(message.length());
            }

            @Override
            public void onClosed(SmbChannel source, Throwable cause) {
                rawReceived.add(-1);
            }
        });
    }

    /**
     * One operation's worth up the raw stream, {@code data} sent in {@code size}-byte messages, until the peer
     * acknowledges it. The same distinct bytes an SMB upload sends: a ceiling that resent one cached message would
     * measure the cache rather than the transport.
     */
    void rawUpload(Bytes data, int size) throws Exception {
        CompletableFuture<Void> sent = CompletableFuture.completedFuture(null);
        for (int position = 0; position < data.length(); position += size) {
            // a few messages in flight at most: what backpressure allows, without unbounded queueing
            if ((position / size) % 4 == 3) {
                sent.get(60, TimeUnit.SECONDS);
            }
            sent = rawChannel.send(data.slice(position, size));
        }
        expectRaw(1);
    }

    /** One operation's worth down the raw stream in {@code size}-byte messages. */
    void rawDownload(int size) throws Exception {
        rawChannel.send(Bytes.wrap(new byte[] {BenchPeer.RawProtocol.DOWNLOAD, (byte) BenchSetup.MEBIBYTES_PER_OPERATION,
                (byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size}));
        for (long received = 0; received < BYTES_PER_OPERATION; ) {
            received += expectRaw(-2);
        }
    }

    /** The next raw message's length ({@code expected} if not negative is checked). */
    private int expectRaw(int expected) throws Exception {
        Integer length = rawReceived.poll(120, TimeUnit.SECONDS);
        if (length == null || length < 0 || (expected > 0 && length != expected)) {
            throw new IllegalStateException("raw stream broke: " + length);
        }
        return length;
    }

    @Override
    public void close() throws IOException {
        if (client != null) {
            client.close();
        }
        if (rawChannel != null) {
            rawChannel.closeGracefully().orTimeout(15, TimeUnit.SECONDS).exceptionally(e -> null).join();
            rawConnector.close();
        }
        if (!keepPeers) {
            peer.close();
        }
    }
}
