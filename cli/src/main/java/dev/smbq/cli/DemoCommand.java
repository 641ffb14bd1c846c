package dev.smbq.cli;

import dev.smbq.client.ClientOptions;
import dev.smbq.client.SmbClient;
import dev.smbq.client.SmbFile;
import dev.smbq.client.SmbSession;
import dev.smbq.client.SmbTree;
import dev.smbq.server.ServerConfig;
import dev.smbq.server.Share;
import dev.smbq.server.SmbServer;
import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.negotiate.NegotiatedParameters;
import dev.smbq.smb2.trace.TracePrinter;
import dev.smbq.smb2.transport.TlsIdentity;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.transport.support.Certificates;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smbq demo}: the seed exchange for real, on loopback. A server with a temporary share listens on QUIC (both
 * backends) and TCP; a client negotiates over QUIC with transport-level security (the NEGOTIATE exchange is printed),
 * writes a file and reads it back with a checksum; then again with SMB encryption forced (double encryption), over
 * kwik, and over TCP. One line per run with throughput.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs a loopback server and client over QUIC and TCP, with and without double encryption.")
final class DemoCommand implements Callable<Integer> {
    private static final String USER = "demo";
    private static final String PASSWORD = "demo password";

    @Spec
    CommandSpec spec;

    @Option(names = "--size", defaultValue = "32", description = "MiB written and read back per run (default ${DEFAULT-VALUE}).")
    int mebibytes;

    @Option(names = "--no-trace", description = "Do not print the NEGOTIATE exchange.")
    boolean noTrace;

    private record Run(String transport, boolean forceEncryption, String title) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TlsIdentity certificate = Certificates.selfSigned(List.of("localhost"), true);
        TransportOptions serverTransport = TransportOptions.defaults().withIdentity(certificate)
                .withBackendOption("datagram-size", "65000");
        TransportOptions clientTransport = TransportOptions.defaults()
                .withTrust(new TrustPolicy.Anchors(certificate.chain())).withBackendOption("datagram-size", "65000");
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (TemporaryShare share = new TemporaryShare("smbq-demo-");
             SmbServer server = new SmbServer(ServerConfig.of(List.of(Share.of("demo", share.root())),
                UserStore.parse(USER + ":password:" + PASSWORD)))) {
            var addresses = new java.util.HashMap<String, InetSocketAddress>();
            for (String transport : List.of("quic-netty", "quic-kwik", "tcp")) {
                addresses.put(transport, server.listen(transport, loopback, serverTransport));
            }
            out.println("smbq demo: server on " + show(addresses.get("quic-netty")) + " (QUIC, Netty), "
                    + show(addresses.get("quic-kwik")) + " (QUIC, kwik), " + show(addresses.get("tcp"))
                    + " (TCP); share \\\\localhost\\demo");
            out.println();
            byte[] data = new byte[mebibytes << 20];
            new Random(1).nextBytes(data);
            List<Run> runs = List.of(
                    new Run("quic-netty", false, "QUIC (Netty), transport-level security accepted"),
                    new Run("quic-netty", true, "QUIC (Netty), SMB encryption forced: double encryption"),
                    new Run("quic-kwik", false, "QUIC (kwik), transport-level security accepted"),
                    new Run("tcp", true, "TCP, SMB encryption"));
            boolean first = true;
            for (Run run : runs) {
                runOnce(out, run, addresses.get(run.transport()), clientTransport, data, first && !noTrace);
                first = false;
            }
            out.println();
            out.println("Each line is one transfer in a JVM still compiling its code, the first lines most: a check that"
                    + " every path works, not a measurement (./smbq bench measures warm).");
        }
        out.flush();
        return 0;
    }

    private void runOnce(PrintWriter out, Run run, InetSocketAddress address, TransportOptions transport, byte[] data,
                         boolean trace) throws Exception {
        List<Bytes> negotiate = new ArrayList<>();
        ClientOptions options = ClientOptions.defaults().withTransport(transport).withEncryption(run.forceEncryption())
                .withTrace((connection, direction, message, plaintext) -> {
                    if (negotiate.size() < 2 && Smb2Codec.protocolOf(message) == Smb2Codec.ProtocolKind.SMB2
                            && Smb2Codec.decodeHeader(message).command().equals(dev.smbq.smb2.spec.Command.NEGOTIATE)) {
                        negotiate.add(message);
                    }
                });
        try (SmbClient client = SmbClient.connect(run.transport(), address, "localhost", options)) {
            if (trace) {
                out.println("# NEGOTIATE, client -> server");
                out.print(TracePrinter.render(negotiate.get(0).toByteArray()));
                out.println("# NEGOTIATE, server -> client");
                out.print(TracePrinter.render(negotiate.get(1).toByteArray()));
                out.println();
            }
            SmbSession session = client.login(Credentials.password(USER, "", PASSWORD));
            SmbTree tree = session.connectTree("demo");
            long start = System.nanoTime();
            try (SmbFile file = tree.create("demo.bin")) {
                file.write(0, Bytes.wrap(data));
            }
            long written = System.nanoTime();
            MessageDigest back = MessageDigest.getInstance("SHA-256");
            try (SmbFile file = tree.open("demo.bin");
                 OutputStream digesting = new DigestOutputStream(OutputStream.nullOutputStream(), back)) {
                file.readTo(digesting);
            }
            long read = System.nanoTime();
            boolean intact = MessageDigest.isEqual(back.digest(), MessageDigest.getInstance("SHA-256").digest(data));
            NegotiatedParameters parameters = client.negotiated();
            String security = session.encrypted() ? "SMB " + parameters.cipher().name() + " encryption"
                    + (run.transport().startsWith("quic") ? " inside QUIC" : "")
                    : "signed with " + parameters.signingAlgorithm().name() + ", no SMB encryption";
            out.printf("%-56s %s; %d MiB up %.0f MiB/s, down %.0f MiB/s, SHA-256 %s%n", run.title() + ":", security,
                    mebibytes, mebibytes / seconds(start, written), mebibytes / seconds(written, read),
                    intact ? "matches" : "DIFFERS");
            tree.disconnect();
            session.logoff();
            if (!intact) {
                throw new IllegalStateException("the file read back differs from the one written");
            }
        }
    }

    private static String show(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private static double seconds(long fromNanos, long toNanos) {
        return Math.max(1e-9, (toNanos - fromNanos) / 1e9);
    }

}
