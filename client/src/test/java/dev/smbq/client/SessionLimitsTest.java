package dev.smbq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbq.server.ServerConfig;
import dev.smbq.server.ServerLimits;
import dev.smbq.server.Share;
import dev.smbq.server.SmbServer;
import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.transport.TlsIdentity;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.transport.support.Certificates;
import dev.smbq.transport.support.NettyLeakCheck;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client cannot hold unbounded server resources: past the configured sessions per connection, tree connects or
 * opens per session the server answers STATUS_INSUFFICIENT_RESOURCES, changes nothing on disk, and goes on serving
 * the session; over every transport.
 */
@ExtendWith(NettyLeakCheck.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SessionLimitsTest {
    private static final TlsIdentity CERTIFICATE = Certificates.selfSigned(List.of("localhost"), true);

    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty", "quic-kwik"})
    void sessionsTreeConnectsAndOpensAreBounded(String transport) throws Exception {
        Files.writeString(root.resolve("shared.txt"), "x");
        ServerLimits limits = ServerLimits.defaults().withMaxSessions(3).withMaxTreeConnects(8).withMaxOpens(64);
        try (SmbServer server = new SmbServer(ServerConfig.of(List.of(Share.of("data", root)),
                UserStore.parse("u:password:p")).withLimits(limits))) {
            InetSocketAddress address = server.listen(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    TransportOptions.defaults().withIdentity(CERTIFICATE));
            ClientOptions options = ClientOptions.defaults().withTransport(TransportOptions.defaults()
                    .withTrust(new TrustPolicy.Anchors(CERTIFICATE.chain())));
            try (SmbClient client = SmbClient.connect(transport, address, "localhost", options)) {
                SmbSession session = client.login(Credentials.password("u", "", "p"));
                SmbTree tree = session.connectTree("data");
                List<SmbFile> opens = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    opens.add(tree.open("shared.txt"));
                }
                assertInsufficientResources(() -> tree.create("not-created.txt"));
                assertThat(root.resolve("not-created.txt")).doesNotExist();
                opens.remove(0).close();
                tree.open("shared.txt").close(); // room again

                for (int i = 1; i < 8; i++) {
                    session.connectTree("data");
                }
                assertInsufficientResources(() -> session.connectTree("data"));

                client.login(Credentials.password("u", "", "p"));
                client.login(Credentials.password("u", "", "p"));
                assertInsufficientResources(() -> client.login(Credentials.password("u", "", "p")));
                assertThat(tree.open("shared.txt").read(0, 1).length()).isEqualTo(1);
            }
        }
    }

    @Test
    void limitsAreAtLeastOne() {
        assertThatThrownBy(() -> ServerLimits.defaults().withMaxOpens(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertInsufficientResources(ThrowingCallable attempt) {
        assertThatThrownBy(attempt).isInstanceOfSatisfying(SmbException.class,
                e -> assertThat(e.status()).isEqualTo(NtStatus.INSUFFICIENT_RESOURCES));
    }
}
