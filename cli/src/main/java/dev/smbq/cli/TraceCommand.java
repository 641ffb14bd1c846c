package dev.smbq.cli;

import dev.smbq.client.ClientOptions;
import dev.smbq.client.SmbClient;
import dev.smbq.client.SmbException;
import dev.smbq.client.SmbFile;
import dev.smbq.client.SmbSession;
import dev.smbq.client.SmbTree;
import dev.smbq.server.ServerConfig;
import dev.smbq.server.Share;
import dev.smbq.server.SmbServer;
import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.negotiate.NegotiatedParameters;
import dev.smbq.smb2.trace.TextTrace;
import dev.smbq.smb2.transport.TlsIdentity;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.transport.memory.MemoryTransportProvider;
import dev.smbq.transport.support.Certificates;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code smbq trace}: a live loopback session between our client and our server, every message printed field by
 * field as the client sent or received it (transforms shown, then decrypted).
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Runs a short session on loopback (negotiate, session setup, tree connect, create, write, read,",
                "close, tree disconnect, logoff) and prints every message in spec notation, then what was agreed."})
final class TraceCommand implements Callable<Integer> {
    private static final String USER = "alice";
    private static final String PASSWORD = "trace password";
    private static final byte[] CONTENT = "Hello over SMB 3.1.1\n".getBytes(StandardCharsets.UTF_8);

    @Spec
    CommandSpec spec;

    @Option(names = "--transport", defaultValue = MemoryTransportProvider.ID,
            description = "memory, tcp, quic-netty or quic-kwik (default ${DEFAULT-VALUE}).")
    String transport;

    @Option(names = "--as", description = "memory only: negotiate as if over quic (the default) or tcp.")
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
        PrintWriter out = spec.commandLine().getOut();
        TlsIdentity certificate = Certificates.selfSigned(List.of("localhost"), true);
        TransportOptions serverTransport = TransportOptions.defaults().withIdentity(certificate);
        TransportOptions clientTransport = TransportOptions.defaults().withTrust(new TrustPolicy.Anchors(certificate.chain()));
        if (transport.equals(MemoryTransportProvider.ID)) {
            String kind = memoryKind();
            serverTransport = serverTransport.withBackendOption("kind", kind);
            clientTransport = clientTransport.withBackendOption("kind", kind);
        } else if (as != null) {
            throw new ParameterException(spec.commandLine(), "--as applies to --transport memory only");
        }
        try (TemporaryShare share = new TemporaryShare("smbq-trace-")) {
            ServerConfig config = ServerConfig.of(List.of(Share.of("trace", share.root())),
                            UserStore.parse(USER + ":password:" + PASSWORD))
                    .withNegotiation(ServerConfig.serverNegotiation().withAcceptTransportSecurity(!refuseTransportSecurity));
            try (SmbServer server = new SmbServer(config)) {
                InetSocketAddress address = server.listen(transport,
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), serverTransport);
                ClientOptions options = ClientOptions.defaults().withTransport(clientTransport)
                        .withEncryption(forceSmbEncryption).withTrace(new TextTrace(out, "client", hex));
                try (SmbClient client = SmbClient.connect(transport, address, "localhost", options)) {
                    session(out, client);
                }
            }
        }
        out.flush();
        return 0;
    }

    private static void session(PrintWriter out, SmbClient client) throws SmbException {
        SmbSession session = client.login(Credentials.password(USER, "", PASSWORD));
        SmbTree tree = session.connectTree("trace");
        try (SmbFile file = tree.create("hello.txt")) {
            file.write(0, Bytes.wrap(CONTENT));
            file.read(0, CONTENT.length);
        }
        tree.disconnect();
        session.logoff();
        out.println();
        out.println("# outcome");
        summary(out, client.negotiated(), session.encrypted());
    }

    private String memoryKind() {
        String kind = as == null ? "quic" : as.toLowerCase(Locale.ROOT);
        if (!kind.equals("quic") && !kind.equals("tcp")) {
            throw new ParameterException(spec.commandLine(), "--as takes quic or tcp, not " + as);
        }
        return kind;
    }

    private static void summary(PrintWriter out, NegotiatedParameters parameters, boolean encrypted) {
        out.printf("dialect %s, cipher %s, signing %s%s%n", parameters.dialect().name(), parameters.cipher().name(),
                parameters.signingAlgorithm().name(), parameters.signingRequired() ? " (required)" : "");
        out.println(parameters.acceptTransportSecurity()
                ? "transport-level security ACCEPTED: SMB encryption skipped, messages signed"
                : "transport-level security not accepted");
        out.println(encrypted ? "session: every message after SESSION_SETUP went in a TRANSFORM_HEADER (0xFD)"
                : "session: messages went signed as 0xFE 'SMB', not SMB-encrypted");
    }
}
