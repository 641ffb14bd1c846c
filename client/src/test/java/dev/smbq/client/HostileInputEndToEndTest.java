package dev.smbq.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.message.EchoRequest;
import dev.smbq.smb2.message.SessionSetupRequest;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.message.TreeConnectRequest;
import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.wire.Bytes;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input against a live server, over TCP and QUIC, sent raw (not through the client's rules): each case gets
 * the status the spec names or a disconnect of that connection only, while a bystander client on the same server
 * keeps working and nothing outside the share changes. Malformed bytes of every layer are in
 * {@link HostileBytesEndToEndTest}.
 */
class HostileInputEndToEndTest extends HostileInputFixture {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void bytesThatAreNoSmbMessageEndTheConnection(String transportId) throws Exception {
        start(transportId);
        Raw raw = new Raw();
        raw.channel.send(Bytes.wrap("GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertThat(raw.next()).isEqualTo(CLOSED);
        othersUnharmed();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void anythingBeforeNegotiateEndsTheConnection(String transportId) throws Exception {
        start(transportId);
        Raw raw = new Raw();
        raw.send(Smb2Header.request(Command.SESSION_SETUP, 0), new SessionSetupRequest(0, 1, 0, 0, 0, Bytes.wrap(new byte[] {0x60})));
        assertThat(raw.next()).isEqualTo(CLOSED);
        othersUnharmed();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void aSecondNegotiateEndsTheConnection(String transportId) throws Exception {
        start(transportId);
        Raw raw = new Raw();
        assertThat(status(raw.negotiate())).isEqualTo(NtStatus.SUCCESS);
        assertThat(raw.negotiate()).isEqualTo(CLOSED);
        othersUnharmed();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void aMessageIdBeyondTheGrantedCreditsEndsTheConnection(String transportId) throws Exception {
        start(transportId);
        Raw raw = new Raw();
        raw.negotiate();
        raw.send(Smb2Header.request(Command.ECHO, 1_000_000), new EchoRequest());
        assertThat(raw.next()).isEqualTo(CLOSED);
        othersUnharmed();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void aSessionNobodySetUpIsDeleted(String transportId) throws Exception {
        start(transportId);
        Raw raw = new Raw();
        raw.negotiate();
        raw.send(Smb2Header.request(Command.TREE_CONNECT, 1).withSession(0x1234_5678L, 0),
                new TreeConnectRequest(0, "\\\\localhost\\data"));
        assertThat(status(raw.next())).isEqualTo(NtStatus.USER_SESSION_DELETED);
        othersUnharmed();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void anUnsignedRequestWhereSigningIsRequiredIsRefused(String transportId) throws Exception {
        start(transportId);
        SmbClient client = client();
        try {
            SmbSession session = client.login(Credentials.password("eve", "", "pw"));
            ClientConnection.Exchange echo = client.connection().send(
                    Smb2Header.request(Command.ECHO, 0).withSession(session.id(), 0), new EchoRequest(), null,
                    ClientConnection.Protection.NONE);
            // [MS-SMB2] 3.3.5.2.4: the session requires signing and the request is not signed
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.connection().await(echo))
                    .isInstanceOfSatisfying(SmbException.class,
                            e -> assertThat(e.status()).isEqualTo(NtStatus.ACCESS_DENIED));
        } finally {
            client.close();
        }
        othersUnharmed();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void aTamperedTransformEndsTheConnection(String transportId) throws Exception {
        start(transportId);
        sendDamagedTransform(sealed -> {
            sealed[sealed.length - 1] ^= 1;
            return sealed;
        });
        othersUnharmed();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void aTruncatedTransformEndsTheConnection(String transportId) throws Exception {
        start(transportId);
        sendDamagedTransform(sealed -> java.util.Arrays.copyOf(sealed, 40));
        othersUnharmed();
    }

    /** Logs in with SMB encryption, seals an ECHO, damages it, sends it, and waits for the server to hang up. */
    private void sendDamagedTransform(java.util.function.UnaryOperator<byte[]> damage) throws Exception {
        SmbClient client = SmbClient.connect(transport, address, "localhost",
                ClientOptions.defaults().withTransport(trusting()).withEncryption(true));
        try {
            SmbSession session = client.login(Credentials.password("eve", "", "pw"));
            assertThat(session.encrypted()).isTrue();
            byte[] echo = Smb2Codec.encode(new Smb2Message(Smb2Header.request(Command.ECHO, 99)
                    .withSession(session.id(), 0), new EchoRequest()));
            byte[] sealed = session.state().sealer.seal(echo, 0, echo.length, session.id()).toByteArray();
            client.connection().channel().send(Bytes.wrap(damage.apply(sealed)));
            client.connection().channel().closeFuture().get(30, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }


    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void malformedRequestsAfterNegotiateGetTheirStatus(String transportId) throws Exception {
        start(transportId);
        Raw raw = new Raw();
        raw.negotiate();
        byte[] echo = Smb2Codec.encode(new Smb2Message(Smb2Header.request(Command.ECHO, 1), new EchoRequest()));
        echo[64] = 5; // StructureSize 5 instead of 4
        raw.channel.send(Bytes.wrap(echo));
        assertThat(answer(raw)).as("wrong StructureSize").isEqualTo(NtStatus.INVALID_PARAMETER);
        byte[] unknown = Smb2Codec.encode(new Smb2Message(Smb2Header.request(Command.ECHO, 2), new EchoRequest()));
        unknown[12] = 0x42; // a command number that does not exist
        raw.channel.send(Bytes.wrap(unknown));
        // outside a session the session check comes first ([MS-SMB2] 3.3.5.2.9); never a success
        assertThat(answer(raw)).as("unknown command").isIn(NtStatus.INVALID_PARAMETER, NtStatus.USER_SESSION_DELETED, null);
        othersUnharmed();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void aReplayedTransformEndsTheConnection(String transportId) throws Exception {
        start(transportId);
        java.util.concurrent.atomic.AtomicReference<Bytes> lastSent = new java.util.concurrent.atomic.AtomicReference<>();
        SmbClient client = SmbClient.connect(transport, address, "localhost", ClientOptions.defaults()
                .withTransport(trusting()).withEncryption(true).withTrace((connection, direction, wire, plaintext) -> {
                    if (direction == dev.smbq.smb2.trace.MessageTrace.Direction.SENT) {
                        lastSent.set(wire);
                    }
                }));
        try {
            SmbSession session = client.login(Credentials.password("eve", "", "pw"));
            session.echo(); // answered: the transform was fine the first time
            assertThat(lastSent.get().get(0)).isEqualTo((byte) 0xFD);
            // the same transform again, byte for byte: its nonce repeats, and so does its MessageId
            client.connection().channel().send(lastSent.get());
            client.connection().channel().closeFuture().get(30, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
        othersUnharmed();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "memory"})
    void transportCapabilitiesOverTcpDoNotSkipEncryption(String transportId) throws Exception {
        start(transportId);
        Raw raw = new Raw();
        // a client that claims transport-level security on a plain TCP connection
        Bytes response = raw.negotiateAs(TransportKind.QUIC);
        assertThat(status(response)).isEqualTo(NtStatus.SUCCESS);
        var negotiated = (dev.smbq.smb2.message.NegotiateResponse) Smb2Codec.decode(response).body();
        // [MS-SMB2] 3.3.5.4: the context is answered only on a QUIC connection
        assertThat(negotiated.negotiateContexts()).noneMatch(
                context -> context instanceof dev.smbq.smb2.message.context.TransportCapabilities);
        othersUnharmed();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void tooManySessionsOnOneConnectionAreRefused(String transportId) throws Exception {
        start(transportId);
        SmbClient client = client();
        try {
            NtStatus refused = null;
            for (int i = 0; i < 100 && refused == null; i++) {
                try {
                    client.login(Credentials.password("eve", "", "pw"));
                } catch (SmbException e) {
                    refused = e.status();
                }
            }
            assertThat(refused).isEqualTo(NtStatus.INSUFFICIENT_RESOURCES);
        } finally {
            client.close();
        }
        othersUnharmed();
    }
}
