package dev.smbq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class TraceCommandTest {
    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(new PrintWriter(out));
        assertThat(commandLine.execute(args)).isZero();
        return out.toString();
    }

    /** The first message the client received: the NEGOTIATE response. */
    private static String[] negotiateExchange(String trace) {
        int request = trace.indexOf("# client -> ");
        int response = trace.indexOf("# client <- ");
        int next = trace.indexOf("# client -> ", response);
        return new String[] {trace.substring(request, response), trace.substring(response, next)};
    }

    @Test
    void overMemoryAsQuicTheRequestOffersAndTheResponseEchoesTransportLevelSecurity() {
        String trace = run("trace");
        String[] negotiate = negotiateExchange(trace);
        assertThat(negotiate[0]).contains("SMB2 NEGOTIATE Request")
                .contains("ContextType: SMB2_TRANSPORT_CAPABILITIES (0x0006)")
                .contains("Flags: SMB2_ACCEPT_TRANSPORT_LEVEL_SECURITY (0x00000001)")
                .contains("Dialect: SMB 3.1.1 (0x0311)")
                .contains("DialectCount: 1").contains("NegotiateContextOffset: 0x00000068");
        assertThat(negotiate[1]).contains("SMB2 NEGOTIATE Response")
                .contains("ContextType: SMB2_TRANSPORT_CAPABILITIES (0x0006)")
                .contains("Flags: SMB2_ACCEPT_TRANSPORT_LEVEL_SECURITY (0x00000001)");
        assertThat(trace).contains("SMB2 SESSION_SETUP Request", "SMB2 TREE_CONNECT Request", "SMB2 CREATE Request",
                        "SMB2 WRITE Request", "SMB2 READ Response", "SMB2 CLOSE Request", "SMB2 LOGOFF Response")
                .contains("transport-level security ACCEPTED", "messages went signed")
                .doesNotContain("TRANSFORM_HEADER");
    }

    @Test
    void overMemoryAsTcpNothingIsOfferedOrAccepted() {
        String trace = run("trace", "--as", "tcp");
        assertThat(trace).doesNotContain("SMB2_TRANSPORT_CAPABILITIES").doesNotContain("ACCEPTED")
                .contains("transport-level security not accepted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "quic-netty", "quic-kwik"})
    void withSmbEncryptionForcedEveryMessageAfterSessionSetupIsATransformShownDecrypted(String transport) {
        String trace = run("trace", "--transport", transport, "--force-smb-encryption");
        String afterSetup = trace.substring(trace.indexOf("SMB2 TREE_CONNECT Request"));
        assertThat(trace).contains("# client -> " + transport + " 127.0.0.1:");
        assertThat(afterSetup).contains("SMB2 TRANSFORM_HEADER", "# decrypted", "SMB2 WRITE Request")
                .contains("every message after SESSION_SETUP went in a TRANSFORM_HEADER");
        long sent = trace.lines().filter(line -> line.startsWith("# client -> ")).count();
        long decrypted = trace.lines().filter(line -> line.equals("# decrypted")).count();
        assertThat(decrypted).isEqualTo(2 * (sent - 3)); // all but NEGOTIATE and two SESSION_SETUPs, both ways
    }

    @Test
    void demoRunsEveryTransportAndModeAndReadsBackWhatItWrote() {
        String demo = run("demo", "--size", "2");
        assertThat(demo).contains("ContextType: SMB2_TRANSPORT_CAPABILITIES (0x0006)")
                .contains("QUIC (Netty), transport-level security accepted:", "no SMB encryption")
                .contains("double encryption:", "inside QUIC")
                .contains("QUIC (kwik)", "TCP, SMB encryption")
                .contains("not a measurement")
                .doesNotContain("DIFFERS");
        assertThat(demo.lines().filter(line -> line.contains("SHA-256 matches")).count()).isEqualTo(4);
    }
}
