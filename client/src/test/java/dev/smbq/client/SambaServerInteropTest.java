package dev.smbq.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.wire.Bytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our client against Samba's smbd over TCP: put and get with a checksum, listing, per cipher, encrypted and signed
 * only. smbd runs from the project's own script (interop profile; scripts/peers install first).
 */
@Tag("interop")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SambaServerInteropTest {
    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}, encrypted: {1}")
    @CsvSource({"AES_128_CCM, true", "AES_128_GCM, true", "AES_256_CCM, true", "AES_256_GCM, true",
            "AES_128_GCM, false"})
    void putAndGetAgainstSmbd(String cipherName, boolean encrypted) throws Exception {
        CipherId cipher = switch (cipherName) {
            case "AES_128_CCM" -> CipherId.AES_128_CCM;
            case "AES_128_GCM" -> CipherId.AES_128_GCM;
            case "AES_256_CCM" -> CipherId.AES_256_CCM;
            default -> CipherId.AES_256_GCM;
        };
        int port = freePort();
        // smbd serves the share as user smbtest: it must be able to reach it
        Files.setPosixFilePermissions(directory, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        run("scripts/peers", "smbd-start", directory.toString(), String.valueOf(port), encrypted ? "required" : "off");
        try {
            ClientOptions options = ClientOptions.defaults()
                    .withNegotiation(ClientOptions.defaults().negotiation().withCiphers(List.of(cipher)));
            try (SmbClient client = SmbClient.connect("tcp", new InetSocketAddress("127.0.0.1", port), "127.0.0.1",
                    options)) {
                if (encrypted) {
                    assertThat(client.negotiated().cipher()).isEqualTo(cipher);
                }
                SmbSession session = client.login(Credentials.password("smbtest", "", "Passw0rd!"));
                assertThat(session.encrypted()).isEqualTo(encrypted);
                SmbTree tree = session.connectTree("share");
                byte[] data = new byte[12 * 1024 * 1024 + 3];
                new Random(port).nextBytes(data);
                try (SmbFile file = tree.create("interop.bin")) {
                    file.write(0, Bytes.wrap(data));
                }
                ByteArrayOutputStream back = new ByteArrayOutputStream();
                try (SmbFile file = tree.open("interop.bin")) {
                    for (long offset = 0; ; ) {
                        Bytes chunk = file.read(offset, 1 << 20);
                        if (chunk.isEmpty()) {
                            break;
                        }
                        back.writeBytes(chunk.toByteArray());
                        offset += chunk.length();
                    }
                }
                assertThat(back.toByteArray()).isEqualTo(data);
                assertThat(tree.list("")).extracting(DirectoryEntry::name).contains("interop.bin");
                assertThat(Files.readAllBytes(directory.resolve("share/interop.bin"))).isEqualTo(data);
            }
        } finally {
            run("scripts/peers", "smbd-stop", directory.toString());
        }
    }

    /** On 3.0 and 3.0.2 our client validates the negotiation after the tree connect, and Samba answers as expected. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"3.0.2", "3.0"})
    void olderDialectsValidateTheirNegotiation(String dialect) throws Exception {
        int port = freePort();
        Files.setPosixFilePermissions(directory, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        run("scripts/peers", "smbd-start", directory.toString(), String.valueOf(port), "off");
        try {
            Dialect only = dialect.equals("3.0") ? Dialect.SMB_3_0 : Dialect.SMB_3_0_2;
            ClientOptions options = ClientOptions.defaults()
                    .withNegotiation(ClientOptions.defaults().negotiation().withDialects(List.of(only)));
            try (SmbClient client = SmbClient.connect("tcp", new InetSocketAddress("127.0.0.1", port), "127.0.0.1",
                    options)) {
                assertThat(client.negotiated().dialect()).isEqualTo(only);
                SmbTree tree = client.login(Credentials.password("smbtest", "", "Passw0rd!")).connectTree("share");
                tree.mkdir("validated");
                assertThat(tree.list("")).extracting(DirectoryEntry::name).contains("validated");
            }
        } finally {
            run("scripts/peers", "smbd-stop", directory.toString());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Path script = Path.of(command[0]);
        // tests run in the module directory; the script is at the repository root
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve(script))) {
            root = root.getParent();
        }
        assertThat(root).as("scripts/peers above the module").isNotNull();
        command[0] = root.resolve(script).toString();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
