package dev.smbq.cli;

import dev.smbq.server.EncryptionMode;
import dev.smbq.server.ServerConfig;
import dev.smbq.server.ServerLimits;
import dev.smbq.server.Share;
import dev.smbq.server.SmbServer;
import dev.smbq.smb2.auth.AuthPolicy;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.negotiate.NegotiatePolicy;
import dev.smbq.smb2.trace.TextTrace;
import dev.smbq.smb2.transport.TlsIdentity;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.transport.support.Certificates;
import dev.smbq.transport.support.KeyLogFile;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code smbq server}: serves directories as SMB shares over QUIC and TCP until interrupted. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Serves directories as SMB 3.1.1 shares over QUIC (Netty or kwik) and TCP.")
final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--share", required = true, paramLabel = "NAME=DIR", description = "A share (repeatable).")
    List<String> shares;

    @Option(names = "--user", paramLabel = "NAME:PASSWORD", description = "A user (repeatable).")
    List<String> users = new ArrayList<>();

    @Option(names = "--users-file", paramLabel = "FILE", description = "Users in the user-store format (see README).")
    Path usersFile;

    @Option(names = "--guest", description = "Unknown users get guest sessions.")
    boolean guest;

    @Option(names = "--listen", required = true, paramLabel = "URL",
            description = "quic-netty://HOST:PORT, quic-kwik://HOST:PORT or tcp://HOST:PORT (repeatable).")
    List<String> listen;

    @Option(names = "--cert", paramLabel = "PEM", description = "Certificate chain for QUIC (with --key).")
    Path certificate;

    @Option(names = "--key", paramLabel = "PEM", description = "PKCS#8 private key for QUIC (with --cert).")
    Path key;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = ".smbq",
            description = "Where a generated self-signed certificate is kept (default ${DEFAULT-VALUE}).")
    Path stateDirectory;

    @Option(names = "--encrypt", defaultValue = "off", description = "SMB encryption: off, desired or required.")
    String encrypt;

    @Option(names = "--transport-security", defaultValue = "accept",
            description = "Over QUIC, accept or refuse transport-level security in place of SMB encryption.")
    String transportSecurity;

    @Option(names = "--keylog", paramLabel = "FILE",
            description = "Append SMB session keys (Wireshark's SMB2 key table) and TLS secrets (Netty QUIC; kwik's "
                    + "server cannot write them) to FILE. Secrets: use for debugging only.")
    Path keyLog;

    @Option(names = "--ciphers", paramLabel = "LIST", split = ",",
            description = "Ciphers in preference order (default AES-128-GCM,AES-128-CCM,AES-256-GCM,AES-256-CCM).")
    List<String> ciphers;

    @Option(names = "--signing", paramLabel = "LIST", split = ",",
            description = "Signing algorithms in preference order (default AES-GMAC,AES-CMAC,HMAC-SHA256).")
    List<String> signing;

    @Option(names = "--dialects", paramLabel = "LIST", split = ",",
            description = "Dialects served (default 3.1.1,3.0.2,3.0,2.1,2.0.2).")
    List<String> dialects;

    @Option(names = "--signing-optional", description = "Do not require signing: a client that does not require it "
            + "either sends its requests after the TREE_CONNECT unsigned, and gets unsigned responses.")
    boolean signingOptional;

    @Option(names = "--trace", description = "Print every message received and sent (decrypted too), field by field.")
    boolean trace;

    @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "" + ServerLimits.DEFAULT_MAX_SESSIONS,
            description = "Sessions per connection (default ${DEFAULT-VALUE}); more get STATUS_INSUFFICIENT_RESOURCES.")
    int maxSessions;

    @Option(names = "--max-tree-connects", paramLabel = "N", defaultValue = "" + ServerLimits.DEFAULT_MAX_TREE_CONNECTS,
            description = "Tree connects per session (default ${DEFAULT-VALUE}).")
    int maxTreeConnects;

    @Option(names = "--max-opens", paramLabel = "N", defaultValue = "" + ServerLimits.DEFAULT_MAX_OPENS,
            description = "Open files per session (default ${DEFAULT-VALUE}).")
    int maxOpens;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Share> shareList = new ArrayList<>();
        for (String share : shares) {
            String[] parts = share.split("=", 2);
            if (parts.length != 2) {
                throw new ParameterException(spec.commandLine(), "--share takes NAME=DIR, not " + share);
            }
            shareList.add(new Share(parts[0], Path.of(parts[1]).toAbsolutePath(), mode(encrypt)));
        }
        StringBuilder userText = new StringBuilder();
        if (usersFile != null) {
            userText.append(Files.readString(usersFile)).append('\n');
        }
        for (String user : users) {
            String[] parts = user.split(":", 2);
            if (parts.length != 2) {
                throw new ParameterException(spec.commandLine(), "--user takes NAME:PASSWORD");
            }
            userText.append(parts[0]).append(":password:").append(parts[1]).append('\n');
        }
        ServerConfig config = ServerConfig.of(shareList, UserStore.parse(userText.toString()))
                .withEncryption(mode(encrypt)).withAuthPolicy(new AuthPolicy(guest, false))
                .withNegotiation(negotiation())
                .withLimits(ServerLimits.defaults().withMaxSessions(maxSessions).withMaxTreeConnects(maxTreeConnects)
                        .withMaxOpens(maxOpens));
        if (trace) {
            config = config.withTrace(new TextTrace(spec.commandLine().getOut(), "server", false));
        }
        TransportOptions transport = TransportOptions.defaults();
        if (keyLog != null) {
            KeyLogFile file = new KeyLogFile(keyLog);
            config = config.withKeyLog(file::append);
            transport = transport.withKeyLog(keyLog);
        }
        try (SmbServer server = new SmbServer(config)) {
            for (String url : listen) {
                URI uri = URI.create(url);
                TransportOptions options = transport;
                if (uri.getScheme().startsWith("quic")) {
                    options = options.withIdentity(identity(uri.getHost()));
                }
                InetSocketAddress bound = server.listen(uri.getScheme(), new InetSocketAddress(uri.getHost(),
                        uri.getPort()), options);
                out.println("listening: " + uri.getScheme() + "://" + bound.getHostString() + ":" + bound.getPort());
            }
            out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        }
        return 0;
    }

    /** What the options say the server negotiates. */
    NegotiatePolicy negotiation() {
        NegotiatePolicy policy = ServerConfig.serverNegotiation()
                .withAcceptTransportSecurity(!transportSecurity.equalsIgnoreCase("refuse"))
                .withSigningRequired(!signingOptional);
        if (ciphers != null) {
            policy = policy.withCiphers(ProtocolNames.each(spec, ciphers, ProtocolNames::cipher));
        }
        if (signing != null) {
            policy = policy.withSigningAlgorithms(ProtocolNames.each(spec, signing, ProtocolNames::signing));
        }
        if (dialects != null) {
            policy = policy.withDialects(ProtocolNames.each(spec, dialects, ProtocolNames::dialect));
        }
        return policy;
    }

    private TlsIdentity identity(String host) throws java.io.IOException {
        if (certificate != null && key != null) {
            return Certificates.load(certificate, key);
        }
        return Certificates.selfSignedIn(stateDirectory, List.of(host.equals("0.0.0.0") ? "localhost" : host, "localhost"));
    }

    private EncryptionMode mode(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "off" -> EncryptionMode.OFF;
            case "desired" -> EncryptionMode.DESIRED;
            case "required" -> EncryptionMode.REQUIRED;
            default -> throw new ParameterException(spec.commandLine(), "--encrypt takes off, desired or required");
        };
    }
}
