package dev.smbq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbq.server.ServerConfig;
import dev.smbq.server.Share;
import dev.smbq.server.SmbServer;
import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.transport.TransportOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session cannot hold unbounded server resources: past 4096 opens or 256 tree connects the server answers
 * STATUS_INSUFFICIENT_RESOURCES, changes nothing on disk, and goes on serving the session.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SessionLimitsTest {
    @TempDir
    Path root;

    @Test
    void opensAndTreeConnectsAreBounded() throws Exception {
        Files.writeString(root.resolve("shared.txt"), "x");
        try (SmbServer server = new SmbServer(ServerConfig.of(List.of(Share.of("data", root)), UserStore.parse("u:password:p")))) {
            InetSocketAddress address = server.listen("tcp", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    TransportOptions.defaults());
            try (SmbClient client = SmbClient.connect("tcp", address, "localhost", ClientOptions.defaults())) {
                SmbSession session = client.login(Credentials.password("u", "", "p"));
                SmbTree tree = session.connectTree("data");
                List<SmbFile> opens = new ArrayList<>();
                for (int i = 0; i < 4096; i++) {
                    opens.add(tree.open("shared.txt"));
                }
                assertThatThrownBy(() -> tree.create("not-created.txt"))
                        .isInstanceOfSatisfying(SmbException.class,
                                e -> assertThat(e.status()).isEqualTo(NtStatus.INSUFFICIENT_RESOURCES));
                assertThat(root.resolve("not-created.txt")).doesNotExist();
                opens.remove(0).close();
                tree.open("shared.txt").close(); // room again

                for (int i = 1; i < 256; i++) {
                    session.connectTree("data");
                }
                assertThatThrownBy(() -> session.connectTree("data"))
                        .isInstanceOfSatisfying(SmbException.class,
                                e -> assertThat(e.status()).isEqualTo(NtStatus.INSUFFICIENT_RESOURCES));
                assertThat(tree.open("shared.txt").read(0, 1).length()).isEqualTo(1);
            }
        }
    }
}
