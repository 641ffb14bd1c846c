package dev.smbq.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.transport.TransportOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Samba's smbtorture against our server: smb2.connect (opens, I/O, tree disconnect and logoff twice), and the
 * byte-range lock suite: request validation, conflicts, zero-length and overlapping ranges, waiting locks that go
 * async, and their cancellation by CANCEL, unlock, close, tree disconnect and logoff. Lock replay (durable handles)
 * and the suite's other tests are not listed yet. Interop profile (scripts/peers install).
 */
@Tag("interop")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SmbtortureInteropTest {
    private static final String USER = "smbtest";
    private static final String PASSWORD = "Passw0rd!";

    @TempDir
    Path share;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "smb2.connect", "smb2.lock.valid-request", "smb2.lock.rw-shared", "smb2.lock.rw-exclusive",
            "smb2.lock.auto-unlock", "smb2.lock.cancel-logoff", "smb2.lock.async", "smb2.lock.cancel",
            "smb2.lock.cancel-tdis", "smb2.lock.errorcode",
            "smb2.lock.zerobytelength", "smb2.lock.zerobyteread", "smb2.lock.unlock", "smb2.lock.multiple-unlock",
            "smb2.lock.stacking", "smb2.lock.contend", "smb2.lock.context", "smb2.lock.range", "smb2.lock.overlap",
            "smb2.lock.truncate", "smb2.lock.lock"})
    void smbtortureTest(String test) throws Exception {
        try (SmbServer server = new SmbServer(ServerConfig.of(List.of(Share.of("data", share)),
                UserStore.parse(USER + ":password:" + PASSWORD)))) {
            int port = server.listen("tcp", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    TransportOptions.defaults()).getPort();
            Process process = new ProcessBuilder("smbtorture", "//127.0.0.1/data", "-p", String.valueOf(port),
                    "-U", USER + "%" + PASSWORD, test).redirectErrorStream(true).start();
            try {
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(100, TimeUnit.SECONDS)).isTrue();
                String name = test.substring(test.lastIndexOf('.') + 1);
                assertThat(output).contains("success: " + name).doesNotContain("failure: ");
                assertThat(process.exitValue()).as(output).isZero();
            } finally {
                process.destroyForcibly();
            }
        }
    }
}
