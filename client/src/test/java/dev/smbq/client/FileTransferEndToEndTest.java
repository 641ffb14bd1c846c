package dev.smbq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbq.server.EncryptionMode;
import dev.smbq.server.ServerConfig;
import dev.smbq.server.Share;
import dev.smbq.server.SmbServer;
import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.transport.TlsIdentity;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.transport.support.Certificates;
import dev.smbq.transport.support.NettyLeakCheck;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Files written and read back through our client and server, in every transport and security mode. */
@ExtendWith(NettyLeakCheck.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FileTransferEndToEndTest {
    private static final TlsIdentity CERTIFICATE = Certificates.selfSigned(List.of("localhost"), true);

    @TempDir
    Path root;
    private SmbServer server;
    private SmbClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private SmbTree connect(String transport, EncryptionMode serverEncryption, boolean clientEncryption)
            throws SmbException {
        server = new SmbServer(ServerConfig.of(List.of(Share.of("data", root)), UserStore.parse("bob:password:pw"))
                .withEncryption(serverEncryption));
        InetSocketAddress address = server.listen(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                TransportOptions.defaults().withIdentity(CERTIFICATE).withBackendOption("datagram-size", "65000"));
        client = SmbClient.connect(transport, address, "localhost", ClientOptions.defaults()
                .withTransport(TransportOptions.defaults().withTrust(new TrustPolicy.Anchors(CERTIFICATE.chain()))
                        .withBackendOption("datagram-size", "65000"))
                .withEncryption(clientEncryption));
        return client.login(Credentials.password("bob", "", "pw")).connectTree("data");
    }

    @ParameterizedTest(name = "{0}, server encryption {1}, client forces encryption {2}")
    @CsvSource({"quic-netty, OFF, false", "quic-netty, OFF, true", "quic-kwik, OFF, false", "quic-kwik, REQUIRED, true",
            "tcp, OFF, false", "tcp, REQUIRED, false", "memory, REQUIRED, false"})
    void aFileWrittenAndReadBackIsIdentical(String transport, EncryptionMode serverEncryption, boolean clientEncryption)
            throws Exception {
        SmbTree tree = connect(transport, serverEncryption, clientEncryption);
        byte[] data = new byte[20 * 1024 * 1024 + 12345];
        new Random(11).nextBytes(data);
        try (SmbFile file = tree.create("dir-less.bin")) {
            file.write(0, Bytes.wrap(data));
            file.flush();
        }
        assertThat(Files.readAllBytes(root.resolve("dir-less.bin"))).isEqualTo(data);
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        try (SmbFile file = tree.open("dir-less.bin")) {
            assertThat(file.size()).isEqualTo(data.length);
            assertThat(file.readTo(back)).isEqualTo(data.length);
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        assertThat(sha.digest(back.toByteArray())).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /**
     * A 1 GiB file, sparse on the server (extended by SET_INFO, then 1 MiB pieces written across it at odd offsets),
     * read back whole: every byte, zeros included, must match. The QUIC transports run in the {@code long} profile.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("gibibyteTransports")
    void aGibibyteSparseFileReadsBackIntact(String transport) throws Exception {
        long length = 1L << 30;
        SmbTree tree = connect(transport, EncryptionMode.OFF, false);
        Random random = new Random(5);
        long[] offsets = new long[16];
        byte[][] pieces = new byte[offsets.length][1 << 20];
        try (SmbFile file = tree.create("sparse.bin")) {
            file.setLength(length);
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = i == offsets.length - 1 ? length - pieces[i].length : i * (64L << 20) + i * 4099L;
                random.nextBytes(pieces[i]);
                file.write(offsets[i], Bytes.wrap(pieces[i]));
            }
        }
        assertThat(Files.size(root.resolve("sparse.bin"))).isEqualTo(length);
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1 << 20];
        for (long start = 0; start < length; start += block.length) {
            java.util.Arrays.fill(block, (byte) 0);
            for (int i = 0; i < offsets.length; i++) {
                long from = Math.max(start, offsets[i]);
                long to = Math.min(start + block.length, offsets[i] + pieces[i].length);
                if (from < to) {
                    System.arraycopy(pieces[i], (int) (from - offsets[i]), block, (int) (from - start), (int) (to - from));
                }
            }
            expected.update(block);
        }
        MessageDigest actual = MessageDigest.getInstance("SHA-256");
        try (SmbFile file = tree.open("sparse.bin");
             DigestOutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), actual)) {
            assertThat(file.size()).isEqualTo(length);
            assertThat(file.readTo(sink)).isEqualTo(length);
        }
        assertThat(actual.digest()).isEqualTo(expected.digest());
    }

    static List<String> gibibyteTransports() {
        return List.of(System.getProperty("smbq.gibibyte.transports", "memory,tcp").split(","));
    }

    @Test
    void pathsOutsideTheShareAreRefusedAndNothingOutsideIsTouched(@TempDir Path outside) throws Exception {
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("link"), outside);
        SmbTree tree = connect("tcp", EncryptionMode.OFF, false);
        for (String[] attack : new String[][] {
                {"..\\secret.txt", "STATUS_OBJECT_PATH_SYNTAX_BAD"},
                {"a\\..\\..\\secret.txt", "STATUS_OBJECT_PATH_SYNTAX_BAD"},
                {"C:\\windows", "STATUS_OBJECT_NAME_INVALID"},
                {"file.txt:stream", "STATUS_OBJECT_NAME_INVALID"},
                {"link\\secret.txt", "STATUS_ACCESS_DENIED"},
                {"missing.txt", "STATUS_OBJECT_NAME_NOT_FOUND"},
                {"nodir\\file.txt", "STATUS_OBJECT_PATH_NOT_FOUND"}}) {
            assertThatThrownBy(() -> tree.open(attack[0])).as(attack[0])
                    .isInstanceOfSatisfying(SmbException.class, e -> assertThat(e.status().name()).isEqualTo(attack[1]));
        }
        assertThatThrownBy(() -> tree.create("link\\new.txt")).isInstanceOf(SmbException.class);
        assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo("secret");
        assertThat(Files.exists(outside.resolve("new.txt"))).isFalse();
        try (SmbFile file = tree.create("fine.txt")) {
            file.write(0, Bytes.wrap("fine".getBytes()));
        }
        assertThat(Files.readString(root.resolve("fine.txt"))).isEqualTo("fine");
        assertThat(NtStatus.OBJECT_NAME_NOT_FOUND.isError()).isTrue();
    }
}
