package dev.smbq.cli;

import dev.smbq.client.ClientOptions;
import dev.smbq.client.DirectoryEntry;
import dev.smbq.client.SmbClient;
import dev.smbq.client.SmbException;
import dev.smbq.client.SmbFile;
import dev.smbq.client.SmbTree;
import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.negotiate.NegotiatePolicy;
import dev.smbq.smb2.trace.TextTrace;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.Transports;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.transport.support.Certificates;
import dev.smbq.transport.support.KeyLogFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The client commands: {@code smbq ls|stat|rm|mkdir|get|put|mv}. Exit code 0 success, 1 SMB or I/O error. */
final class ClientCommands {
    private ClientCommands() {
    }

    /** Options every client command takes. */
    static final class Connection {
        @Option(names = "--transport", defaultValue = "quic-netty",
                description = "quic-netty, quic-kwik or tcp (default ${DEFAULT-VALUE}).")
        String transport;

        @Option(names = "--trust", paramLabel = "PEM", description = "Trust the server certificates in this PEM file.")
        Path trust;

        @Option(names = "--pin", paramLabel = "SHA256", description = "Trust the server certificate with this SHA-256 fingerprint (hex).")
        String pin;

        @Option(names = "--insecure", description = "Trust any server certificate (demos on loopback only).")
        boolean insecure;

        @Option(names = "--encrypt", description = "Force SMB encryption (over QUIC: double encryption).")
        boolean encrypt;

        @Option(names = "--keylog", paramLabel = "FILE", description = "Append session keys and TLS secrets to FILE.")
        Path keyLog;

        @Option(names = "--cipher", paramLabel = "NAME",
                description = "Offer only this cipher: AES-128-CCM, AES-128-GCM, AES-256-CCM or AES-256-GCM.")
        String cipher;

        @Option(names = "--signing", paramLabel = "NAME",
                description = "Offer only this signing algorithm: HMAC-SHA256, AES-CMAC or AES-GMAC.")
        String signing;

        @Option(names = "--dialect", paramLabel = "D", description = "Offer only this dialect: 3.1.1, 3.0.2, 3.0, 2.1 or 2.0.2.")
        String dialect;

        @Option(names = "--signing-optional", description = "Do not require signing: requests are then signed only where "
                + "the server requires it (and the 3.1.1 TREE_CONNECT always).")
        boolean signingOptional;

        @Option(names = "--trace", description = "Print every message sent and received (decrypted too), field by field.")
        boolean trace;

        @Spec(Spec.Target.MIXEE)
        CommandSpec command;

        private SmbClient client;

        /** Connects, logs in (password from the URL or SMBQ_PASSWORD) and connects the URL's share. */
        SmbTree open(SmbUrl url) throws SmbException, IOException {
            TransportOptions transportOptions = TransportOptions.defaults().withTrust(trustPolicy());
            ClientOptions options = ClientOptions.defaults().withNegotiation(negotiation()).withEncryption(encrypt);
            if (trace) {
                options = options.withTrace(new TextTrace(command.commandLine().getOut(), "client", false));
            }
            if (keyLog != null) {
                KeyLogFile file = new KeyLogFile(keyLog);
                options = options.withKeyLog(file::append);
                transportOptions = transportOptions.withKeyLog(keyLog);
            }
            options = options.withTransport(transportOptions);
            int port = url.port() > 0 ? url.port() : Transports.byId(transport).defaultPort();
            client = SmbClient.connect(transport, new InetSocketAddress(InetAddress.getByName(url.host()), port),
                    url.host(), options);
            String password = !url.password().isEmpty() ? url.password()
                    : System.getenv().getOrDefault("SMBQ_PASSWORD", "");
            Credentials credentials = url.user().isEmpty() ? Credentials.anonymous()
                    : Credentials.password(url.user(), "", password);
            return client.login(credentials).connectTree(url.share());
        }

        private NegotiatePolicy negotiation() {
            NegotiatePolicy policy = ClientOptions.defaults().negotiation().withSigningRequired(!signingOptional);
            if (cipher != null) {
                policy = policy.withCiphers(List.of(ProtocolNames.cipher(command, cipher)));
            }
            if (signing != null) {
                policy = policy.withSigningAlgorithms(List.of(ProtocolNames.signing(command, signing)));
            }
            if (dialect != null) {
                policy = policy.withDialects(List.of(ProtocolNames.dialect(command, dialect)));
            }
            return policy;
        }

        void close() {
            if (client != null) {
                client.close();
            }
        }

        private TrustPolicy trustPolicy() throws IOException {
            if (insecure || Transports.byId(transport).kind() == dev.smbq.smb2.negotiate.TransportKind.TCP) {
                return new TrustPolicy.Insecure(); // Direct TCP has no certificate to check
            }
            if (pin != null) {
                return new TrustPolicy.Pinned(Bytes.wrap(HexFormat.of().parseHex(pin.replace(":", ""))));
            }
            if (trust != null) {
                return new TrustPolicy.Anchors(Certificates.readCertificates(Files.readString(trust)));
            }
            // a server started here with its default state directory
            Path local = Path.of(".smbq", Certificates.CERTIFICATE_FILE);
            if (Files.exists(local)) {
                return new TrustPolicy.Anchors(Certificates.readCertificates(Files.readString(local)));
            }
            return new TrustPolicy.Platform(); // a server with a certificate from a public or company CA
        }
    }

    /** Runs a command body and turns SMB and I/O errors into one line and exit code 1. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Connection connection;

        abstract void run(PrintWriter out) throws SmbException, IOException;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                run(out);
                out.flush();
                return 0;
            } catch (SmbException e) {
                spec.commandLine().getErr().println("smbq: " + e.status().name() + ": " + e.getMessage());
            } catch (IOException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("smbq: " + e.getMessage());
            } finally {
                connection.close();
            }
            return 1;
        }
    }

    /** get and put: a progress bar on standard error while the transfer runs, when that is a terminal. */
    abstract static class Transfer extends Base {
        @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Show a progress bar on a terminal (default on; --no-progress turns it off).")
        boolean progress;

        private ProgressBarBuilder bar(String task, long size) {
            return ProgressBar.builder().setTaskName(task).setInitialMax(size).setUnit("MiB", 1 << 20)
                    .showSpeed().setUpdateIntervalMillis(250);
        }

        private boolean showing() {
            return progress && System.console() != null;
        }

        OutputStream showingProgress(OutputStream output, String task, long size) {
            return showing() ? ProgressBar.wrap(output, bar(task, size)) : output;
        }

        InputStream showingProgress(InputStream input, String task, long size) {
            return showing() ? ProgressBar.wrap(input, bar(task, size)) : input;
        }
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List a directory.")
    static final class Ls extends Base {
        @Parameters(paramLabel = "URL")
        String url;

        @Override
        void run(PrintWriter out) throws SmbException, IOException {
            SmbUrl target = SmbUrl.parse(url);
            for (DirectoryEntry entry : connection.open(target).list(target.path())) {
                out.printf("%s %12d %s %s%n", entry.directory() ? "d" : "-", entry.size(), entry.modified(), entry.name());
            }
        }
    }

    @Command(name = "stat", mixinStandardHelpOptions = true, description = "Show a file's size, kind and time.")
    static final class Stat extends Base {
        @Parameters(paramLabel = "URL")
        String url;

        @Override
        void run(PrintWriter out) throws SmbException, IOException {
            SmbUrl target = SmbUrl.parse(url);
            DirectoryEntry entry = connection.open(target).stat(target.path());
            out.printf("name: %s%nkind: %s%nsize: %d%nmodified: %s%n", entry.name(),
                    entry.directory() ? "directory" : "file", entry.size(), entry.modified());
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a file or an empty directory.")
    static final class Rm extends Base {
        @Parameters(paramLabel = "URL")
        String url;

        @Override
        void run(PrintWriter out) throws SmbException, IOException {
            SmbUrl target = SmbUrl.parse(url);
            connection.open(target).remove(target.path());
        }
    }

    @Command(name = "mkdir", mixinStandardHelpOptions = true, description = "Make a directory.")
    static final class Mkdir extends Base {
        @Parameters(paramLabel = "URL")
        String url;

        @Override
        void run(PrintWriter out) throws SmbException, IOException {
            SmbUrl target = SmbUrl.parse(url);
            connection.open(target).mkdir(target.path());
        }
    }

    @Command(name = "mv", mixinStandardHelpOptions = true, description = "Rename a file or directory within its share.")
    static final class Mv extends Base {
        @Parameters(index = "0", paramLabel = "URL")
        String url;

        @Parameters(index = "1", paramLabel = "NEWPATH", description = "The new path inside the same share.")
        String newPath;

        @Override
        void run(PrintWriter out) throws SmbException, IOException {
            SmbUrl target = SmbUrl.parse(url);
            connection.open(target).rename(target.path(), newPath);
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Download a file.")
    static final class Get extends Transfer {
        @Parameters(index = "0", paramLabel = "URL")
        String url;

        @Parameters(index = "1", arity = "0..1", paramLabel = "LOCAL", description = "Where to write (default: the file's name).")
        Path local;

        @Override
        void run(PrintWriter out) throws SmbException, IOException {
            SmbUrl target = SmbUrl.parse(url);
            Path destination = local != null ? local : Path.of(Path.of(target.path().replace('\\', '/')).getFileName().toString());
            try (SmbFile file = connection.open(target).open(target.path());
                 OutputStream output = showingProgress(Files.newOutputStream(destination), "get", file.size())) {
                out.println(file.readTo(output) + " bytes -> " + destination);
            }
        }
    }

    @Command(name = "put", mixinStandardHelpOptions = true, description = "Upload a file.")
    static final class Put extends Transfer {
        @Parameters(index = "0", paramLabel = "LOCAL")
        Path local;

        @Parameters(index = "1", paramLabel = "URL")
        String url;

        @Override
        void run(PrintWriter out) throws SmbException, IOException {
            SmbUrl target = SmbUrl.parse(url);
            try (SmbFile file = connection.open(target).create(target.path());
                 InputStream input = showingProgress(Files.newInputStream(local), "put", Files.size(local))) {
                long offset = 0;
                byte[] buffer = new byte[8 << 20];
                int read;
                while ((read = input.readNBytes(buffer, 0, buffer.length)) > 0) {
                    file.write(offset, Bytes.copyOf(java.util.Arrays.copyOf(buffer, read)));
                    offset += read;
                }
                out.println(offset + " bytes -> " + url);
            }
        }
    }
}
