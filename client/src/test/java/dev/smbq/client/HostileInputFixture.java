package dev.smbq.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.server.ServerConfig;
import dev.smbq.server.Share;
import dev.smbq.server.SmbServer;
import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.negotiate.ClientNegotiator;
import dev.smbq.smb2.negotiate.NegotiatePolicy;
import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TlsIdentity;
import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.Transports;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.transport.support.Certificates;
import dev.smbq.transport.support.NettyLeakCheck;
import dev.smbq.transport.support.TransportTestSupport.Received;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live server with a bystander client, for the hostile-input suites: each case sends what no well-behaved client
 * sends and then {@link #othersUnharmed} checks the bystander still works and the share is as it was.
 */
@ExtendWith(NettyLeakCheck.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class HostileInputFixture {
    static final TlsIdentity CERTIFICATE = Certificates.selfSigned(List.of("localhost"), true);
    static final Bytes CLOSED = Received.CLOSED;

    @TempDir
    Path root;
    SmbServer server;
    InetSocketAddress address;
    String transport;
    private SmbClient bystander;
    private SmbSession bystanderSession;
    private TransportConnector connector;

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
        if (bystander != null) {
            bystander.close();
        }
        if (server != null) {
            server.close();
        }
    }

    void start(String transportId) throws Exception {
        transport = transportId;
        server = new SmbServer(ServerConfig.of(List.of(Share.of("data", root)), UserStore.parse("eve:password:pw")));
        address = server.listen(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                TransportOptions.defaults().withIdentity(CERTIFICATE));
        bystander = client();
        bystanderSession = bystander.login(Credentials.password("eve", "", "pw"));
        Files.writeString(root.resolve("kept.txt"), "kept");
    }

    SmbClient client() throws SmbException {
        return SmbClient.connect(transport, address, "localhost", ClientOptions.defaults().withTransport(trusting()));
    }

    static TransportOptions trusting() {
        return TransportOptions.defaults().withTrust(new TrustPolicy.Anchors(CERTIFICATE.chain()));
    }

    /** After every case: the bystander still works, the share is as it was. */
    void othersUnharmed() throws Exception {
        bystanderSession.echo();
        assertThat(bystanderSession.connectTree("data").list("")).extracting(DirectoryEntry::name).contains("kept.txt");
        assertThat(Files.readString(root.resolve("kept.txt"))).isEqualTo("kept");
    }

    /** A channel to the server that sends whatever it is given; what comes back collects in {@link #received}. */
    final class Raw {
        final SmbChannel channel;
        final Received received = new Received();

        Raw() {
            if (connector == null) {
                connector = Transports.byId(transport).connector(trusting());
            }
            channel = connector.connect(address, "localhost").orTimeout(30, TimeUnit.SECONDS).join();
            channel.start(received);
        }

        Bytes next() throws InterruptedException {
            return received.next();
        }

        void send(Smb2Header header, dev.smbq.smb2.message.Smb2Body body) {
            channel.send(Bytes.wrap(Smb2Codec.encode(new Smb2Message(header, body))));
        }

        /** A NEGOTIATE as a well-behaved client sends it on this channel's kind of transport; returns the answer. */
        Bytes negotiate() throws InterruptedException {
            return negotiateAs(channel.info().kind());
        }

        /** A NEGOTIATE as a client that believes it runs over {@code kind}; returns the answer. */
        Bytes negotiateAs(TransportKind kind) throws InterruptedException {
            channel.send(Bytes.wrap(new ClientNegotiator(NegotiatePolicy.defaults().withServerName("localhost"), kind,
                    UUID.randomUUID(), new SecureRandom()).requestBytes()));
            return next();
        }
    }

    static NtStatus status(Bytes response) {
        return Smb2Codec.decodeHeader(response).ntStatus();
    }

    /** Answers or closes: the status of the response, or null if the connection closed. */
    static NtStatus answer(Raw raw) throws InterruptedException {
        Bytes message = raw.next();
        return message.equals(CLOSED) ? null : status(message);
    }
}
