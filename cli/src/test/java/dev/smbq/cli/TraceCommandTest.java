package dev.smbq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TraceCommandTest {
    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(new PrintWriter(out));
        assertThat(commandLine.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void asQuicTheRequestOffersAndTheResponseEchoesTransportLevelSecurity() {
        String trace = run("trace", "--as", "quic");
        String request = trace.substring(0, trace.indexOf("# server -> client"));
        String response = trace.substring(trace.indexOf("# server -> client"), trace.indexOf("# outcome"));
        assertThat(request).contains("ContextType: SMB2_TRANSPORT_CAPABILITIES (0x0006)")
                .contains("Flags: SMB2_ACCEPT_TRANSPORT_LEVEL_SECURITY (0x00000001)")
                .contains("Dialect: SMB 3.1.1 (0x0311)")
                .contains("NegotiateContextOffset: 0x00000070");
        assertThat(response).contains("ContextType: SMB2_TRANSPORT_CAPABILITIES (0x0006)")
                .contains("Flags: SMB2_ACCEPT_TRANSPORT_LEVEL_SECURITY (0x00000001)");
        assertThat(trace).contains("client: dialect SMB 3.1.1").contains("ACCEPTED");
    }

    @Test
    void asTcpNothingIsOfferedOrAccepted() {
        String trace = run("trace", "--as", "tcp");
        assertThat(trace).doesNotContain("SMB2_TRANSPORT_CAPABILITIES").doesNotContain("ACCEPTED")
                .contains("transport-level security not accepted");
    }

    @Test
    void demoRunsEveryTransportAndModeAndReadsBackWhatItWrote() {
        String demo = run("demo", "--size", "2");
        assertThat(demo).contains("ContextType: SMB2_TRANSPORT_CAPABILITIES (0x0006)")
                .contains("QUIC (Netty), transport-level security accepted:", "no SMB encryption")
                .contains("double encryption:", "inside QUIC")
                .contains("QUIC (kwik)", "TCP, SMB encryption")
                .doesNotContain("DIFFERS");
        assertThat(demo.lines().filter(line -> line.contains("SHA-256 matches")).count()).isEqualTo(4);
    }
}
