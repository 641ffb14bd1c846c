package dev.smbq.bench;

import dev.smbq.server.ServerConfig;
import dev.smbq.server.Share;
import dev.smbq.server.SmbServer;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.crypto.JitWarmup;
import dev.smbq.smb2.negotiate.NegotiatePolicy;
import dev.smbq.smb2.transport.MessageListener;
import dev.smbq.smb2.transport.PeerTrust;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TlsIdentity;
import dev.smbq.smb2.transport.TransportAcceptor;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.Transports;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.transport.support.Certificates;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * The server side of the end-to-end benchmarks, in its own JVM so that client and server do not share a heap, a JIT
 * or a garbage collector. {@code BenchPeer TRANSPORT SHARE_DIR} listens three times on that transport: a raw message
 * sink and source (see {@link RawProtocol}), and two SMB servers of SHARE_DIR as share {@code bench} (user
 * {@code bench}, password {@code bench}; SMB encryption as each client asks, transport-level security accepted over
 * QUIC), one requiring signing and one not. It prints {@code ports RAW SIGNED UNSIGNED FINGERPRINT} once listening
 * (FINGERPRINT is the SHA-256 of the certificate it made, in hex, for the client to pin), and exits when its standard
 * input closes, so it never outlives the benchmark JVM that started it. One peer thus serves every setup of its
 * transport, which lets a quick run keep it, warm, from one benchmark trial to the next.
 */
public final class BenchPeer {
    static final String USER = "bench";
    static final String PASSWORD = "bench";
    static final String SHARE = "bench";

    private BenchPeer() {
    }

    public static void main(String[] args) throws IOException {
        String transport = args[0];
        Path share = Path.of(args[1]);
        TlsIdentity identity = Certificates.selfSigned(List.of("localhost"), true);
        TransportOptions options = BenchSetup.transportOptions(transport).withIdentity(identity);
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        JitWarmup.run(); // the server would warm up in the background; here it is done before anything is measured

        TransportAcceptor raw = Transports.byId(transport).acceptor(options);
        // what a raw download sends: the SMB download's file itself, read before anything is timed
        Bytes download = Bytes.wrap(Files.readAllBytes(share.resolve(LoopbackPeer.DOWNLOAD_FILE)));
        int rawPort = raw.listen(loopback, channel -> channel.start(new RawProtocol.Server(download))).join().getPort();
        ServerConfig config = ServerConfig.of(List.of(Share.of(SHARE, share)),
                UserStore.parse(USER + ":password:" + PASSWORD));
        SmbServer signed = new SmbServer(config.withNegotiation(signing(true)));
        SmbServer unsigned = new SmbServer(config.withNegotiation(signing(false)));
        int signedPort = signed.listen(transport, loopback, options).getPort();
        int unsignedPort = unsigned.listen(transport, loopback, options).getPort();

        String fingerprint = HexFormat.of().formatHex(PeerTrust.fingerprint(identity.leaf()));
        System.out.println("ports " + rawPort + " " + signedPort + " " + unsignedPort + " " + fingerprint);
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // the benchmark holds our standard input open while it needs us
        }
        for (AutoCloseable running : List.of(signed, unsigned, raw)) {
            try {
                running.close();
            } catch (Exception ignored) {
                // exiting anyway
            }
        }
        System.exit(0);
    }

    private static NegotiatePolicy signing(boolean required) {
        return ServerConfig.serverNegotiation().withSigningRequired(required);
    }

    /** Messages of the raw stream benchmark, with no SMB in them. */
    static final class RawProtocol {
        /** A 6-byte request: send back this many MiB (the next byte) in messages of the size in the 4 bytes after. */
        static final byte DOWNLOAD = 'D';
        /** Sent back after each {@link #ACK_EVERY} bytes received. */
        static final byte ACK = 'A';
        static final long ACK_EVERY = (long) BenchSetup.MEBIBYTES_PER_OPERATION << 20;

        private RawProtocol() {
        }

        /** Counts what arrives and acknowledges each transfer's worth; serves a download from {@code download}. */
        static final class Server implements MessageListener {
            private final Bytes download;
            private long received;

            Server(Bytes download) {
                this.download = download;
            }

            @Override
            public void onMessage(SmbChannel channel, Bytes message) {
                if (message.length() == 6 && message.get(0) == DOWNLOAD) {
                    int mebibytes = message.get(1) & 0xFF;
                    int size = (message.get(2) & 0xFF) << 24 | (message.get(3) & 0xFF) << 16
                            | (message.get(4) & 0xFF) << 8 | (message.get(5) & 0xFF);
                    for (int sent = 0; sent < mebibytes << 20; sent += size) {
                        channel.send(download.slice(sent % download.length(), size));
                    }
                    return;
                }
                received += message.length();
                if (received >= ACK_EVERY) {
                    received -= ACK_EVERY;
                    channel.send(Bytes.wrap(new byte[] {ACK}));
                }
            }

            @Override
            public void onClosed(SmbChannel channel, Throwable cause) {
            }
        }
    }
}
