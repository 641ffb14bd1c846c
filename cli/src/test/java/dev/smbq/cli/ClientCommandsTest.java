package dev.smbq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.server.ServerConfig;
import dev.smbq.server.Share;
import dev.smbq.server.SmbServer;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.transport.TransportOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smbq put|ls|stat|mv|get|rm|mkdir} against an in-process server over TCP, and their exit codes. */
class ClientCommandsTest {
    @TempDir
    Path share;
    @TempDir
    Path local;
    private SmbServer server;
    private String base;

    @BeforeEach
    void start() {
        server = new SmbServer(ServerConfig.of(List.of(Share.of("data", share)), UserStore.parse("alice:password:Secret 1")));
        InetSocketAddress address = server.listen("tcp", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                TransportOptions.defaults());
        base = "smb://alice:Secret%201@localhost:" + address.getPort() + "/data";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int smbq(String... args) {
        return Main.run(args);
    }

    @Test
    void fileCommandsRoundTrip() throws Exception {
        Path upload = Files.write(local.resolve("up.bin"), new byte[] {1, 2, 3, 4, 5});
        assertThat(smbq("put", "--transport", "tcp", upload.toString(), base + "/up.bin")).isZero();
        assertThat(smbq("mkdir", "--transport", "tcp", base + "/sub")).isZero();
        assertThat(smbq("mv", "--transport", "tcp", base + "/up.bin", "sub/moved.bin")).isZero();
        assertThat(smbq("ls", "--transport", "tcp", base + "/sub")).isZero();
        assertThat(smbq("stat", "--transport", "tcp", "--encrypt", base + "/sub/moved.bin")).isZero();
        Path download = local.resolve("down.bin");
        assertThat(smbq("get", "--no-progress", "--transport", "tcp", base + "/sub/moved.bin", download.toString())).isZero();
        assertThat(Files.readAllBytes(download)).containsExactly(1, 2, 3, 4, 5);
        assertThat(smbq("rm", "--transport", "tcp", base + "/sub/moved.bin")).isZero();
        assertThat(smbq("rm", "--transport", "tcp", base + "/sub")).isZero();
        assertThat(share).isEmptyDirectory();
    }

    @Test
    void errorsExitWithOneAndUsageErrorsWithTwo() {
        assertThat(smbq("stat", "--transport", "tcp", base + "/missing")).isEqualTo(1);
        assertThat(smbq("ls", "--transport", "tcp", base.replace("Secret%201", "wrong"))).isEqualTo(1);
        assertThat(smbq("ls", "--transport", "tcp")).isEqualTo(2);
        assertThat(smbq("ls", "--transport", "tcp", "not-a-url")).isEqualTo(1);
    }
}
