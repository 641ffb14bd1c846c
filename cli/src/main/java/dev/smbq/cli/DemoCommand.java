package dev.smbq.cli;

import dev.smbq.smb2.negotiate.NegotiatePolicy;
import dev.smbq.smb2.negotiate.TransportKind;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code smbq demo}: the seed exchange in its three outcomes. For now the client and server negotiators run
 * in-process over an in-memory framed stream; the loopback client/server demo over real QUIC replaces this once the
 * transports and the server exist.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Shows the SMB2_TRANSPORT_CAPABILITIES negotiation over QUIC and over TCP.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        NegotiatePolicy client = NegotiatePolicy.defaults().withServerName("localhost");
        NegotiatePolicy server = NegotiatePolicy.defaults().withSigningRequired(true);
        scenario(out, "QUIC, client offers transport-level security, server accepts", TransportKind.QUIC, client, server);
        scenario(out, "QUIC, client forces SMB encryption (double encryption)", TransportKind.QUIC,
                client.withAcceptTransportSecurity(false), server);
        scenario(out, "TCP, client policy allows it but TCP never offers it", TransportKind.TCP, client, server);
        out.println("Run `smbq trace --as quic` or `smbq trace --as tcp` to see every field of both messages.");
        out.flush();
        return 0;
    }

    private static void scenario(PrintWriter out, String title, TransportKind kind, NegotiatePolicy client,
                                 NegotiatePolicy server) throws Exception {
        InMemoryNegotiation.Result result = InMemoryNegotiation.run(kind, client, server);
        out.println("== " + title);
        TraceCommand.summary(out, "  client", result.client());
        TraceCommand.summary(out, "  server", result.server());
        out.println();
    }
}
