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
import dev.smbq.smb2.wire.Bytes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Listing, stat, mkdir, rename and remove through our client and server. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DirectoryOperationsTest {
    @TempDir
    Path root;

    @Test
    void directoriesAndNames() throws Exception {
        for (int i = 0; i < 300; i++) {
            Files.writeString(root.resolve(String.format("file-%03d-with-a-longer-name-to-fill-pages.txt", i)), "x" + i);
        }
        try (SmbServer server = new SmbServer(ServerConfig.of(List.of(Share.of("data", root)), UserStore.parse("u:password:p")))) {
            InetSocketAddress address = server.listen("tcp", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    TransportOptions.defaults());
            try (SmbClient client = SmbClient.connect("tcp", address, "localhost", ClientOptions.defaults())) {
                SmbTree tree = client.login(Credentials.password("u", "", "p")).connectTree("data");
                List<DirectoryEntry> entries = tree.list("");
                assertThat(entries).hasSize(300);
                assertThat(entries.get(7).name()).isEqualTo("file-007-with-a-longer-name-to-fill-pages.txt");
                assertThat(entries.get(7).size()).isEqualTo(2);
                tree.mkdir("sub");
                assertThat(tree.stat("sub").directory()).isTrue();
                tree.rename("file-001-with-a-longer-name-to-fill-pages.txt", "sub\\moved.txt");
                assertThat(tree.list("sub")).extracting(DirectoryEntry::name).containsExactly("moved.txt");
                assertThat(Files.readString(root.resolve("sub/moved.txt"))).isEqualTo("x1");
                assertThatThrownBy(() -> tree.remove("sub")).isInstanceOfSatisfying(SmbException.class,
                        e -> assertThat(e.status()).isEqualTo(NtStatus.DIRECTORY_NOT_EMPTY));
                tree.remove("sub\\moved.txt");
                tree.remove("sub");
                assertThat(Files.exists(root.resolve("sub"))).isFalse();
                try (SmbFile file = tree.create("new.txt")) {
                    file.write(0, Bytes.wrap(new byte[] {1, 2, 3}));
                }
                assertThat(tree.stat("new.txt").size()).isEqualTo(3);
            }
        }
    }
}
