package dev.smbq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbq.server.EncryptionMode;
import dev.smbq.server.ServerConfig;
import dev.smbq.server.Share;
import dev.smbq.server.SmbServer;
import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.message.SessionSetupResponse;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.trace.MessageTrace;
import dev.smbq.smb2.transport.TlsIdentity;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.transport.support.Certificates;
import dev.smbq.transport.support.NettyLeakCheck;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed exchange end to end, over real transports on loopback: our client against our server, looking at
 * every message on the wire.
 */
@ExtendWith(NettyLeakCheck.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SessionEndToEndTest {
    private static final TlsIdentity CERTIFICATE = Certificates.selfSigned(List.of("localhost", "127.0.0.1"), true);
    private static final Credentials ALICE = Credentials.password("alice", "", "Secret 1");

    @TempDir
    Path shareRoot;
    private SmbServer server;
    private SmbClient client;
    private final List<Bytes> sent = new CopyOnWriteArrayList<>();
    private final List<Bytes> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private InetSocketAddress start(String transport, EncryptionMode encryption) {
        server = new SmbServer(ServerConfig.of(List.of(Share.of("data", shareRoot)),
                UserStore.parse("alice:password:Secret 1")).withEncryption(encryption));
        return server.listen(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                TransportOptions.defaults().withIdentity(CERTIFICATE));
    }

    private SmbClient connect(String transport, InetSocketAddress address, boolean forceEncryption) throws SmbException {
        return connect(transport, address, forceEncryption, ClientOptions.defaults());
    }

    private SmbClient connect(String transport, InetSocketAddress address, boolean forceEncryption,
                              ClientOptions defaults) throws SmbException {
        ClientOptions options = defaults
                .withTransport(TransportOptions.defaults().withTrust(new TrustPolicy.Anchors(CERTIFICATE.chain())))
                .withEncryption(forceEncryption)
                .withTrace((connection, direction, message, plaintext) ->
                        (direction == MessageTrace.Direction.SENT ? sent : received).add(message));
        client = SmbClient.connect(transport, address, "localhost", options);
        return client;
    }

    private static int protocolByte(Bytes message) {
        return message.get(0) & 0xFF;
    }

    /** Everything after the session setup, both ways. */
    private List<Bytes> afterSessionSetup(List<Bytes> messages) {
        int last = -1;
        for (int i = 0; i < messages.size(); i++) {
            Bytes message = messages.get(i);
            if (protocolByte(message) == 0xFE && Smb2Codec.decodeHeader(message).command().equals(Command.SESSION_SETUP)) {
                last = i;
            }
        }
        return messages.subList(last + 1, messages.size());
    }

    /** A tree, a file written and read back (a WRITE large enough to go out in pieces), an echo, and goodbye. */
    private void exercise(SmbSession session) throws Exception {
        SmbTree tree = session.connectTree("data");
        byte[] data = new byte[200_000];
        new java.util.Random(11).nextBytes(data);
        try (SmbFile file = tree.create("exercise.bin")) {
            file.write(0, Bytes.wrap(data));
        }
        java.io.ByteArrayOutputStream back = new java.io.ByteArrayOutputStream();
        try (SmbFile file = tree.open("exercise.bin")) {
            file.readTo(back);
        }
        assertThat(back.toByteArray()).isEqualTo(data);
        session.echo();
        tree.disconnect();
        session.logoff();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"quic-netty", "quic-kwik"})
    void overQuicTransportSecurityIsAcceptedAndMessagesGoSignedNotEncrypted(String transport) throws Exception {
        SmbClient client = connect(transport, start(transport, EncryptionMode.REQUIRED), false);
        assertThat(client.negotiated().acceptTransportSecurity()).isTrue();
        SmbSession session = client.login(ALICE);
        assertThat(session.encrypted()).isFalse();
        exercise(session);
        Bytes setupResponse = received.stream().filter(message -> Smb2Codec.decodeHeader(message).command()
                .equals(Command.SESSION_SETUP)).reduce((first, second) -> second).orElseThrow();
        // the server requires encryption, but transport-level security replaces it: no ENCRYPT_DATA
        assertThat(((SessionSetupResponse) Smb2Codec.decode(setupResponse).body()).sessionFlags()
                & SessionSetupResponse.FLAG_ENCRYPT_DATA).isZero();
        for (Bytes message : afterSessionSetup(sent)) {
            assertThat(protocolByte(message)).isEqualTo(0xFE);
            assertThat(Smb2Codec.decodeHeader(message).isSigned()).isTrue();
        }
        for (Bytes message : afterSessionSetup(received)) {
            assertThat(protocolByte(message)).isEqualTo(0xFE);
            assertThat(Smb2Codec.decodeHeader(message).isSigned()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"quic-netty", "quic-kwik", "tcp", "memory"})
    void forcedEncryptionSealsEveryMessageAfterSessionSetup(String transport) throws Exception {
        SmbClient client = connect(transport, start(transport, EncryptionMode.OFF), true);
        assertThat(client.negotiated().acceptTransportSecurity()).isFalse();
        SmbSession session = client.login(ALICE);
        assertThat(session.encrypted()).isTrue();
        exercise(session);
        assertThat(afterSessionSetup(sent)).isNotEmpty().allMatch(message -> protocolByte(message) == 0xFD);
        assertThat(afterSessionSetup(received)).isNotEmpty().allMatch(message -> protocolByte(message) == 0xFD);
    }

    @Test
    void overTcpAServerThatRequiresEncryptionGetsIt() throws Exception {
        SmbClient client = connect("tcp", start("tcp", EncryptionMode.REQUIRED), false);
        assertThat(client.negotiated().acceptTransportSecurity()).isFalse();
        SmbSession session = client.login(ALICE);
        assertThat(session.encrypted()).isTrue();
        exercise(session);
        assertThat(afterSessionSetup(sent)).allMatch(message -> protocolByte(message) == 0xFD);
    }

    @Test
    void overTcpWithoutEncryptionMessagesAreSigned() throws Exception {
        SmbClient client = connect("tcp", start("tcp", EncryptionMode.OFF), false);
        SmbSession session = client.login(ALICE);
        exercise(session);
        assertThat(afterSessionSetup(received)).allMatch(message -> protocolByte(message) == 0xFE
                && Smb2Codec.decodeHeader(message).isSigned());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"quic-netty", "tcp"})
    void whereNeitherSideRequiresSigningOnlyTheTreeConnectIsSigned(String transport) throws Exception {
        server = new SmbServer(ServerConfig.of(List.of(Share.of("data", shareRoot)),
                UserStore.parse("alice:password:Secret 1")).withNegotiation(ServerConfig.serverNegotiation().withSigningRequired(false)));
        InetSocketAddress address = server.listen(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                TransportOptions.defaults().withIdentity(CERTIFICATE));
        ClientOptions optional = ClientOptions.defaults()
                .withNegotiation(ClientOptions.defaults().negotiation().withSigningRequired(false));
        SmbClient client = connect(transport, address, false, optional);
        assertThat(client.negotiated().signingRequired()).isFalse();
        exercise(client.login(ALICE));
        for (List<Bytes> messages : List.of(afterSessionSetup(sent), afterSessionSetup(received))) {
            assertThat(messages).isNotEmpty().allSatisfy(message -> {
                Smb2Header header = Smb2Codec.decodeHeader(message);
                // a 3.1.1 TREE_CONNECT is signed whatever was negotiated, and the server answers a signed request signed
                assertThat(header.isSigned()).as(header.command().toString())
                        .isEqualTo(header.command().equals(Command.TREE_CONNECT));
            });
        }
    }

    @Test
    void aWrongPasswordAndAnUnknownShareAreRefused() throws Exception {
        InetSocketAddress address = start("tcp", EncryptionMode.OFF);
        SmbClient client = connect("tcp", address, false);
        assertThatThrownBy(() -> client.login(Credentials.password("alice", "", "wrong")))
                .isInstanceOfSatisfying(SmbException.class, e -> assertThat(e.status()).isEqualTo(NtStatus.LOGON_FAILURE));
        SmbSession session = client.login(ALICE);
        assertThatThrownBy(() -> session.connectTree("nothing"))
                .isInstanceOfSatisfying(SmbException.class, e -> assertThat(e.status()).isEqualTo(NtStatus.BAD_NETWORK_NAME));
        session.echo(); // the session survives both refusals
    }

}
