package dev.smbq.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.server.ServerConfig;
import dev.smbq.server.Share;
import dev.smbq.server.SmbServer;
import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.transport.TlsIdentity;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.transport.support.Certificates;
import dev.smbq.transport.support.NettyLeakCheck;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many clients at once on one server: each connects, negotiates, sets up a session, writes 1 MiB and reads it back,
 * and closes; nothing may be lost and no client may fail. Then as many idle connections are held open, first only
 * negotiated, then each with a session and a tree connect, and the heap each step takes is printed per client (client
 * and server share this JVM, so these are upper bounds for the server). 20 clients
 * in the default build; the {@code long} profile runs 200 ({@code smbq.load.clients}).
 */
@ExtendWith(NettyLeakCheck.class)
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class LoadEndToEndTest {
    private static final TlsIdentity CERTIFICATE = Certificates.selfSigned(List.of("localhost"), true);
    private static final int CLIENTS = Integer.getInteger("smbq.load.clients", 20);

    @TempDir
    Path root;

    private static ClientOptions options() {
        return ClientOptions.defaults()
                .withTransport(TransportOptions.defaults().withTrust(new TrustPolicy.Anchors(CERTIFICATE.chain())));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty", "quic-kwik"})
    void manyClientsAtOnceLoseNothing(String transport) throws Exception {
        try (SmbServer server = new SmbServer(ServerConfig.of(List.of(Share.of("data", root)),
                UserStore.parse("lee:password:pw")))) {
            InetSocketAddress address = server.listen(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    TransportOptions.defaults().withIdentity(CERTIFICATE));
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    int client = i;
                    runs.add(pool.submit(() -> {
                        byte[] data = new byte[1 << 20];
                        new Random(client).nextBytes(data);
                        try (SmbClient smb = SmbClient.connect(transport, address, "localhost", options())) {
                            SmbTree tree = smb.login(Credentials.password("lee", "", "pw")).connectTree("data");
                            try (SmbFile file = tree.create("client-" + client + ".bin")) {
                                file.write(0, Bytes.wrap(data));
                            }
                            ByteArrayOutputStream back = new ByteArrayOutputStream();
                            try (SmbFile file = tree.open("client-" + client + ".bin")) {
                                file.readTo(back);
                            }
                            assertThat(back.toByteArray()).isEqualTo(data);
                        }
                        return null;
                    }));
                }
                for (Future<?> run : runs) {
                    run.get(600, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(root.toFile().list()).hasSize(CLIENTS);
            printMemoryPerIdleClient(transport, address);
        }
    }

    private void printMemoryPerIdleClient(String transport, InetSocketAddress address) throws Exception {
        long start = usedHeap();
        List<SmbClient> idle = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                idle.add(SmbClient.connect(transport, address, "localhost", options()));
            }
            long connected = usedHeap();
            for (SmbClient client : idle) {
                client.login(Credentials.password("lee", "", "pw")).connectTree("data");
            }
            long withSessions = usedHeap();
            System.out.printf("load %s: %d clients each wrote and read back 1 MiB; heap, client and server together: "
                    + "about %d KiB per idle negotiated connection, %d KiB more per session with a tree connect%n",
                    transport, CLIENTS, Math.max(0, connected - start) / CLIENTS / 1024,
                    Math.max(0, withSessions - connected) / CLIENTS / 1024);
        } finally {
            idle.forEach(SmbClient::close);
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
