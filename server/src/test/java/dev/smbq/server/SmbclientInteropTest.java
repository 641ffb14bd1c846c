package dev.smbq.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.transport.TransportOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Samba's smbclient, a client nobody here wrote, against our server over TCP: 64 MiB put and get with a checksum,
 * mkdir, rename, del and ls, once per cipher and per signing algorithm. Interop profile (scripts/peers install).
 */
@Tag("interop")
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class SmbclientInteropTest {
    @TempDir
    Path share;
    @TempDir
    Path local;
    private SmbServer server;
    private InetSocketAddress address;

    @BeforeEach
    void start() {
        server = new SmbServer(ServerConfig.of(List.of(Share.of("data", share)), UserStore.parse("smbtest:password:Passw0rd!")));
        address = server.listen("tcp", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), TransportOptions.defaults());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "--client-protection=encrypt --option=clientsmb3encryptionalgorithms=AES-128-CCM",
            "--client-protection=encrypt --option=clientsmb3encryptionalgorithms=AES-128-GCM",
            "--client-protection=encrypt --option=clientsmb3encryptionalgorithms=AES-256-CCM",
            "--client-protection=encrypt --option=clientsmb3encryptionalgorithms=AES-256-GCM",
            "--client-protection=sign --option=clientsmb3signingalgorithms=HMAC-SHA256",
            "--client-protection=sign --option=clientsmb3signingalgorithms=AES-128-CMAC",
            "--client-protection=sign --option=clientsmb3signingalgorithms=AES-128-GMAC"})
    void putGetAndDirectoryOperations(String protection) throws Exception {
        byte[] data = new byte[64 << 20];
        new Random(protection.hashCode()).nextBytes(data);
        Path upload = Files.write(local.resolve("up.bin"), data);
        Path download = local.resolve("down.bin");
        String commands = "put " + upload + " big.bin; get big.bin " + download + "; mkdir sub; put " + upload
                + " sub\\copy.bin; rename sub\\copy.bin sub\\moved.bin; ls sub\\*; del sub\\moved.bin; rmdir sub; ls";
        String output = smbclient(protection, commands);
        assertThat(output).doesNotContain("NT_STATUS_").contains("moved.bin").contains("big.bin");
        assertThat(sha256(Files.readAllBytes(download))).isEqualTo(sha256(data));
        assertThat(sha256(Files.readAllBytes(share.resolve("big.bin")))).isEqualTo(sha256(data));
        assertThat(Files.exists(share.resolve("sub"))).isFalse();
    }

    /** Older dialects: 3.0 and 3.0.2 validate their negotiation with FSCTL_VALIDATE_NEGOTIATE_INFO. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SMB3_02", "SMB3_00", "SMB2_10", "SMB2_02"})
    void olderDialects(String dialect) throws Exception {
        Files.writeString(share.resolve("hello.txt"), "hello");
        Path download = local.resolve("hello.txt");
        String output = Smbclient.run(address.getPort(), List.of("-m", dialect, "--client-protection=sign"),
                "get hello.txt " + download + "; ls", 120);
        assertThat(output).doesNotContain("NT_STATUS_").contains("hello.txt");
        assertThat(Files.readString(download)).isEqualTo("hello");
    }

    private String smbclient(String protection, String commands) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of("-m", "SMB3_11"));
        options.addAll(List.of(protection.split(" ")));
        return Smbclient.run(address.getPort(), options, commands, 300);
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}
