package dev.smbq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbq.server.ServerConfig;
import dev.smbq.server.Share;
import dev.smbq.server.SmbServer;
import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.WriteRequest;
import dev.smbq.smb2.negotiate.ClientNegotiator;
import dev.smbq.smb2.negotiate.NegotiatePolicy;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.trace.MessageTrace;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TlsIdentity;
import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.Transports;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.transport.support.Certificates;
import dev.smbq.transport.support.NettyLeakCheck;
import dev.smbq.transport.support.TransportTestSupport.Received;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults end to end: a client that goes away in the middle of a transfer, a server that shuts down under load, a
 * session setup left half done. Nothing hangs, nothing leaks (the Netty leak detector runs at paranoid level), and
 * every byte the server acknowledged is on disk.
 */
@ExtendWith(NettyLeakCheck.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FaultsEndToEndTest {
    private static final TlsIdentity CERTIFICATE = Certificates.selfSigned(List.of("localhost"), true);
    private static final int PIECE = 1 << 20;

    @TempDir
    Path root;
    private SmbServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private InetSocketAddress start(String transport, Duration idleTimeout) {
        server = new SmbServer(ServerConfig.of(List.of(Share.of("data", root)), UserStore.parse("ann:password:pw")));
        return server.listen(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                TransportOptions.defaults().withIdentity(CERTIFICATE).withIdleTimeout(idleTimeout));
    }

    private static ClientOptions options(MessageTrace trace) {
        return ClientOptions.defaults().withTrace(trace)
                .withTransport(TransportOptions.defaults().withTrust(new TrustPolicy.Anchors(CERTIFICATE.chain())));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void aClientThatGoesAwayMidWriteLeavesEveryAcknowledgedByteAndNoOpen(String transport) throws Exception {
        InetSocketAddress address = start(transport, Duration.ofSeconds(120));
        byte[] data = new byte[64 * PIECE];
        new Random(4).nextBytes(data);
        Set<Long> acknowledgedOffsets = ConcurrentHashMap.newKeySet();
        CompletableFuture<Void> enoughAcknowledged = new CompletableFuture<>();
        java.util.Map<Long, Long> offsetByMessageId = new ConcurrentHashMap<>();
        SmbClient client = SmbClient.connect(transport, address, "localhost", options((connection, direction, wire, plain) -> {
            var header = Smb2Codec.decodeHeader(plain);
            if (!header.command().equals(Command.WRITE)) {
                return;
            }
            if (direction == MessageTrace.Direction.SENT) {
                offsetByMessageId.put(header.messageId(),
                        ((WriteRequest) Smb2Codec.decode(plain).body()).offset());
            } else if (header.ntStatus().equals(dev.smbq.smb2.spec.NtStatus.SUCCESS)) {
                acknowledgedOffsets.add(offsetByMessageId.get(header.messageId()));
                if (acknowledgedOffsets.size() >= 8) {
                    enoughAcknowledged.complete(null);
                }
            }
        }));
        SmbTree tree = client.login(Credentials.password("ann", "", "pw")).connectTree("data");
        SmbFile file = tree.create("big.bin");
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try {
                file.write(0, Bytes.wrap(data));
            } catch (SmbException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        enoughAcknowledged.get(60, TimeUnit.SECONDS);
        client.close(); // the client goes away with WRITEs in flight
        assertThatThrownBy(() -> writing.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(SmbException.class);
        for (int i = 0; i < 100 && server.connectionCount() > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(server.connectionCount()).as("the server let go of the connection").isZero();
        assertThat(filesOpenUnder(root)).as("file handles the server still holds in the share").isEmpty();
        byte[] onDisk = Files.readAllBytes(root.resolve("big.bin"));
        for (long offset : Set.copyOf(acknowledgedOffsets)) {
            int at = (int) offset;
            assertThat(java.util.Arrays.equals(onDisk, at, at + PIECE, data, at, at + PIECE))
                    .as("acknowledged piece at " + offset).isTrue();
        }
        // the file is free again: another client opens, rewrites and deletes it
        try (SmbClient other = SmbClient.connect(transport, address, "localhost", options(MessageTrace.NONE))) {
            SmbTree otherTree = other.login(Credentials.password("ann", "", "pw")).connectTree("data");
            try (SmbFile again = otherTree.create("big.bin")) {
                again.write(0, Bytes.wrap(new byte[] {1}));
            }
            otherTree.remove("big.bin");
        }
        assertThat(root).isEmptyDirectory();
    }

    /** What this process (server included) has open under {@code directory}, from Linux's /proc/self/fd. */
    private static List<Path> filesOpenUnder(Path directory) throws IOException {
        Path descriptors = Path.of("/proc/self/fd");
        List<Path> open = new java.util.ArrayList<>();
        if (!Files.isDirectory(descriptors)) {
            return open; // not Linux: nothing to look at
        }
        try (var entries = Files.list(descriptors)) {
            for (Path entry : entries.toList()) {
                try {
                    Path target = Files.readSymbolicLink(entry);
                    if (target.startsWith(directory)) {
                        open.add(target);
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed while listing
                }
            }
        }
        return open;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void aServerThatShutsDownUnderLoadEndsTheClientsRequestsWithAnError(String transport) throws Exception {
        InetSocketAddress address = start(transport, Duration.ofSeconds(120));
        try (SmbClient client = SmbClient.connect(transport, address, "localhost", options(MessageTrace.NONE))) {
            SmbTree tree = client.login(Credentials.password("ann", "", "pw")).connectTree("data");
            SmbFile file = tree.create("load.bin");
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    for (int round = 0; round < 1000; round++) {
                        file.write(0, Bytes.wrap(new byte[8 * PIECE]));
                    }
                } catch (SmbException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            Thread.sleep(300);
            server.close();
            assertThatThrownBy(() -> writing.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(SmbException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void aSessionSetupLeftHalfDoneTimesOut(String transport) throws Exception {
        InetSocketAddress address = start(transport, Duration.ofSeconds(2));
        TransportConnector connector = Transports.byId(transport).connector(
                TransportOptions.defaults().withTrust(new TrustPolicy.Anchors(CERTIFICATE.chain())));
        try {
            SmbChannel channel = connector.connect(address, "localhost").get(30, TimeUnit.SECONDS);
            Received received = new Received();
            channel.start(received);
            channel.send(Bytes.wrap(new ClientNegotiator(NegotiatePolicy.defaults().withServerName("localhost"),
                    channel.info().kind(), UUID.randomUUID(), new SecureRandom()).requestBytes()));
            // the first leg of an NTLM exchange, and then nothing
            byte[] negotiateToken = new dev.smbq.smb2.auth.SpnegoClient(new dev.smbq.smb2.auth.NtlmClient(
                    Credentials.password("ann", "", "pw"), "X", "cifs/localhost", new SecureRandom(),
                    java.time.Clock.systemUTC())).initialToken();
            channel.send(Bytes.wrap(Smb2Codec.encode(new dev.smbq.smb2.message.Smb2Message(
                    Smb2Header.request(Command.SESSION_SETUP, 1),
                    new dev.smbq.smb2.message.SessionSetupRequest(0, 1, 0, 0, 0, Bytes.wrap(negotiateToken))))));
            while (!received.next().equals(Received.CLOSED)) {
                // the answers to both, and then the idle timeout ends the connection
            }
        } finally {
            connector.close();
        }
    }
}
