package dev.smbq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbq.server.ServerConfig;
import dev.smbq.server.Share;
import dev.smbq.server.SmbServer;
import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.codec.CompoundChain;
import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.negotiate.NegotiatePolicy;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.trace.MessageTrace;
import dev.smbq.smb2.transport.TlsIdentity;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.transport.support.Certificates;
import dev.smbq.transport.support.NettyLeakCheck;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every command the client library sends, against our server, on every transport and in both security modes (and on
 * dialect 3.0.2, where the tree connect is followed by FSCTL_VALIDATE_NEGOTIATE_INFO). The server's answers are
 * checked, and the commands seen on the wire are counted off against the list.
 */
@ExtendWith(NettyLeakCheck.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EveryCommandEndToEndTest {
    private static final TlsIdentity CERTIFICATE = Certificates.selfSigned(List.of("localhost"), true);

    @TempDir
    Path root;
    private SmbServer server;
    private SmbClient client;
    private SmbClient other;

    @AfterEach
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {other, client, server}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // closing is best effort here; the test has its verdict
                }
            }
        }
    }

    private SmbClient connect(String transport, InetSocketAddress address, boolean encrypt, String dialect,
                              Set<Command> seen) throws SmbException {
        NegotiatePolicy negotiation = ClientOptions.defaults().negotiation();
        if (!dialect.isEmpty()) {
            negotiation = negotiation.withDialects(List.of(dialect.equals("3.0.2") ? Dialect.SMB_3_0_2 : Dialect.SMB_3_1_1));
        }
        ClientOptions options = ClientOptions.defaults().withNegotiation(negotiation)
                .withTransport(TransportOptions.defaults().withTrust(new TrustPolicy.Anchors(CERTIFICATE.chain())))
                .withEncryption(encrypt)
                .withTrace((connection, direction, wire, plaintext) -> {
                    if (direction == MessageTrace.Direction.SENT) {
                        CompoundChain.split(plaintext).forEach(element -> seen.add(Smb2Codec.decodeHeader(element).command()));
                    }
                });
        return SmbClient.connect(transport, address, "localhost", options);
    }

    @ParameterizedTest(name = "{0}, encrypt {1}, dialect {2}")
    @CsvSource({"memory, false, ''", "memory, true, ''", "tcp, false, ''", "tcp, true, ''", "quic-netty, false, ''",
            "quic-netty, true, ''", "quic-kwik, false, ''", "quic-kwik, true, ''", "tcp, false, 3.0.2",
            "tcp, true, 3.0.2"})
    void everyCommandDoesWhatItShould(String transport, boolean encrypt, String dialect) throws Exception {
        server = new SmbServer(ServerConfig.of(List.of(Share.of("data", root)), UserStore.parse("carol:password:pw")));
        InetSocketAddress address = server.listen(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                TransportOptions.defaults().withIdentity(CERTIFICATE));
        Set<Command> seen = ConcurrentHashMap.newKeySet();
        client = connect(transport, address, encrypt, dialect, seen);
        SmbSession session = client.login(Credentials.password("carol", "", "pw"));
        assertThat(session.encrypted()).isEqualTo(encrypt);
        SmbTree tree = session.connectTree("data");
        session.echo();

        tree.mkdir("dir");
        byte[] data = new byte[3 * 1024 * 1024 + 5];
        new Random(2).nextBytes(data);
        try (SmbFile file = tree.create("dir/a.bin")) {
            file.write(0, Bytes.wrap(data)); // 1 MiB WRITEs: 16 credits each
            file.flush();
            assertThat(file.read(1 << 20, 8).toByteArray()).containsExactly(java.util.Arrays.copyOfRange(data, 1 << 20, (1 << 20) + 8));
            assertThat(file.info().size()).isEqualTo(data.length);

            file.lock(0, 100, true);
            other = connect(transport, address, encrypt, dialect, seen);
            try (SmbFile second = other.login(Credentials.password("carol", "", "pw")).connectTree("data").open("dir/a.bin")) {
                assertThatThrownBy(() -> second.lock(50, 10, false)).isInstanceOfSatisfying(SmbException.class,
                        e -> assertThat(e.status()).isEqualTo(NtStatus.LOCK_NOT_GRANTED));
                PendingLock waiting = second.lockWhenFree(50, 10, false);
                waiting.cancel();
                assertThatThrownBy(() -> waiting.await(Duration.ofSeconds(30))).isInstanceOfSatisfying(
                        SmbException.class, e -> assertThat(e.status()).isEqualTo(NtStatus.CANCELLED));
            }
            file.unlock(0, 100);
            file.setLength(100);
            assertThat(file.info().size()).isEqualTo(100);
        }
        assertThat(Files.size(root.resolve("dir/a.bin"))).isEqualTo(100);
        assertThat(tree.list("dir")).extracting(DirectoryEntry::name).containsExactly("a.bin");
        tree.rename("dir/a.bin", "dir/b.bin");
        assertThat(tree.stat("dir/b.bin").size()).isEqualTo(100);
        tree.remove("dir/b.bin");
        tree.remove("dir");
        assertThat(root).isEmptyDirectory();
        tree.disconnect();
        session.logoff();

        Set<Command> expected = new HashSet<>(List.of(Command.NEGOTIATE, Command.SESSION_SETUP, Command.TREE_CONNECT,
                Command.ECHO, Command.CREATE, Command.WRITE, Command.FLUSH, Command.READ, Command.QUERY_INFO,
                Command.LOCK, Command.SET_INFO, Command.CLOSE, Command.QUERY_DIRECTORY, Command.TREE_DISCONNECT,
                Command.LOGOFF, Command.CANCEL));
        if (dialect.equals("3.0.2")) {
            expected.add(Command.IOCTL);
        }
        assertThat(seen).containsAll(expected);
    }
}
