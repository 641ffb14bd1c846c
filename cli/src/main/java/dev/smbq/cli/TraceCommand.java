package dev.smbq.cli;

import dev.smbq.smb2.negotiate.NegotiatePolicy;
import dev.smbq.smb2.negotiate.NegotiatedParameters;
import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.trace.TracePrinter;
import java.io.PrintWriter;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smbq trace}: a client and a server negotiate, and both NEGOTIATE messages are printed field by field. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Runs a client negotiator against a server negotiator and prints the NEGOTIATE request and",
                "response in spec notation, then what each side concluded."})
final class TraceCommand implements Callable<Integer> {
    enum Transport { memory }

    @Spec
    CommandSpec spec;

    @Option(names = "--transport", defaultValue = "memory",
            description = "What carries the bytes (${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}).")
    Transport transport;

    @Option(names = "--as", defaultValue = "quic",
            description = "The transport kind both negotiators believe they are on: quic or tcp (default ${DEFAULT-VALUE}).")
    String as;

    @Option(names = "--force-smb-encryption",
            description = "Client policy: never offer SMB2_ACCEPT_TRANSPORT_LEVEL_SECURITY (double encryption over QUIC).")
    boolean forceSmbEncryption;

    @Option(names = "--refuse-transport-security",
            description = "Server policy: never accept transport-level security in place of SMB encryption.")
    boolean refuseTransportSecurity;

    @Option(names = "--hex", description = "Also print each message as hex.")
    boolean hex;

    @Override
    public Integer call() throws Exception {
        TransportKind kind = parseKind(as);
        NegotiatePolicy clientPolicy = NegotiatePolicy.defaults().withServerName("localhost")
                .withAcceptTransportSecurity(!forceSmbEncryption);
        NegotiatePolicy serverPolicy = NegotiatePolicy.defaults().withSigningRequired(true)
                .withAcceptTransportSecurity(!refuseTransportSecurity);
        InMemoryNegotiation.Result result = InMemoryNegotiation.run(kind, clientPolicy, serverPolicy);
        PrintWriter out = spec.commandLine().getOut();
        out.println("# client -> server, over " + transport + " (negotiating as " + kind + ")");
        print(out, result.request());
        out.println();
        out.println("# server -> client");
        print(out, result.response());
        out.println();
        out.println("# outcome");
        summary(out, "client", result.client());
        summary(out, "server", result.server());
        out.flush();
        return 0;
    }

    private void print(PrintWriter out, byte[] message) {
        out.print(TracePrinter.render(message));
        if (hex) {
            out.println(HexFormat.of().withUpperCase().formatHex(message));
        }
    }

    static void summary(PrintWriter out, String side, NegotiatedParameters parameters) {
        out.printf("%s: dialect %s, cipher %s, signing %s%s, transport-level security %s%n", side,
                parameters.dialect().name(), parameters.cipher().name(), parameters.signingAlgorithm().name(),
                parameters.signingRequired() ? " (required)" : "",
                parameters.acceptTransportSecurity() ? "ACCEPTED: SMB encryption skipped, messages signed"
                        : "not accepted: SMB encryption " + (parameters.encryptionAvailable() ? "available" : "unavailable"));
    }

    static TransportKind parseKind(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "quic" -> TransportKind.QUIC;
            case "tcp" -> TransportKind.TCP;
            default -> throw new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(new TraceCommand()), "--as takes quic or tcp, not " + value);
        };
    }
}
