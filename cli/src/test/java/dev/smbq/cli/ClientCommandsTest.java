package dev.smbq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.server.ServerConfig;
import dev.smbq.server.Share;
import dev.smbq.server.SmbServer;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.negotiate.NegotiatePolicy;
import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.spec.SigningAlgorithm;
import dev.smbq.smb2.transport.TransportOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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

    @Test
    void traceShowsEveryMessageDecryptedAndTheOptionsNarrowWhatIsOffered() {
        StringWriter out = new StringWriter();
        assertThat(Main.run(new PrintWriter(out), "ls", "--transport", "tcp", "--trace", "--encrypt",
                "--cipher", "AES-256-CCM", "--signing", "HMAC-SHA256", base)).isZero();
        String trace = out.toString();
        assertThat(trace).contains("# client -> tcp 127.0.0.1:", "# client <- tcp 127.0.0.1:")
                .contains("Ciphers (1)\n          AES-256-CCM (0x0003)")
                .contains("SigningAlgorithms (1)\n          HMAC-SHA256 (0x0000)")
                .contains("SMB2 TRANSFORM_HEADER", "# decrypted", "SMB2 QUERY_DIRECTORY Request");
        StringWriter older = new StringWriter();
        assertThat(Main.run(new PrintWriter(older), "ls", "--transport", "tcp", "--trace", "--dialect", "3.0.2", base))
                .isZero();
        assertThat(older.toString()).contains("DialectRevision: SMB 3.0.2 (0x0302)");
        assertThat(smbq("ls", "--transport", "tcp", "--cipher", "AES-512-XTS", base)).isEqualTo(2);
    }

    @Test
    void withSigningOptionalOnBothSidesRequestsAfterTheTreeConnectGoUnsigned() {
        server.close();
        ServerCommand serverOptions = new ServerCommand();
        new CommandLine(serverOptions).parseArgs("--share", "s=.", "--listen", "tcp://127.0.0.1:0", "--signing-optional");
        server = new SmbServer(ServerConfig.of(List.of(Share.of("data", share)), UserStore.parse("alice:password:Secret 1"))
                .withNegotiation(serverOptions.negotiation()));
        InetSocketAddress address = server.listen("tcp", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                TransportOptions.defaults());
        String url = "smb://alice:Secret%201@localhost:" + address.getPort() + "/data";
        assertThat(requestFlags(url, "SMB2 TREE_CONNECT Request", "--signing-optional")).contains("SMB2_FLAGS_SIGNED");
        assertThat(requestFlags(url, "SMB2 QUERY_DIRECTORY Request", "--signing-optional")).contains("none");
        // the client requires signing unless told otherwise
        assertThat(requestFlags(url, "SMB2 QUERY_DIRECTORY Request")).contains("SMB2_FLAGS_SIGNED");
    }

    /** The Flags line of the first {@code request} that {@code smbq ls --trace} prints. */
    private static String requestFlags(String url, String request, String... options) {
        StringWriter out = new StringWriter();
        List<String> args = new java.util.ArrayList<>(List.of("ls", "--transport", "tcp", "--trace"));
        args.addAll(List.of(options));
        args.add(url);
        assertThat(Main.run(new PrintWriter(out), args.toArray(String[]::new))).isZero();
        String trace = out.toString();
        int flags = trace.indexOf("Flags:", trace.indexOf(request));
        return trace.substring(flags, trace.indexOf('\n', flags));
    }

    @Test
    void serverOptionsSetWhatItNegotiates() {
        ServerCommand command = new ServerCommand();
        new CommandLine(command).parseArgs("--share", "s=.", "--listen", "tcp://127.0.0.1:0",
                "--ciphers", "AES-256-GCM,AES-128-CCM", "--signing", "AES-CMAC", "--dialects", "3.1.1,3.0.2",
                "--transport-security", "refuse");
        NegotiatePolicy policy = command.negotiation();
        assertThat(policy.ciphers()).containsExactly(CipherId.AES_256_GCM, CipherId.AES_128_CCM);
        assertThat(policy.signingAlgorithms()).containsExactly(SigningAlgorithm.AES_CMAC);
        assertThat(policy.dialects()).containsExactly(Dialect.SMB_3_1_1, Dialect.SMB_3_0_2);
        assertThat(policy.acceptTransportSecurity()).isFalse();
        assertThat(policy.signingRequired()).isTrue();
    }
}
