package dev.smbq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.codec.CompoundChain;
import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.message.CreateRequest;
import dev.smbq.smb2.message.EchoRequest;
import dev.smbq.smb2.message.FileId;
import dev.smbq.smb2.message.NegotiateRequest;
import dev.smbq.smb2.message.SessionSetupRequest;
import dev.smbq.smb2.message.Smb2Body;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.message.WriteRequest;
import dev.smbq.smb2.message.context.NegotiateContext;
import dev.smbq.smb2.negotiate.ClientNegotiator;
import dev.smbq.smb2.negotiate.NegotiatePolicy;
import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.HeaderFlags;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.trace.MessageTrace;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.WireReader;
import dev.smbq.transport.quic.kwik.KwikWorkarounds;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.kwik.core.QuicClientConnection;
import tech.kwik.core.QuicStream;
import tech.kwik.core.log.NullLogger;

/**
 * Malformed bytes at every layer against a live server, over TCP and QUIC: broken framing below SMB, broken compound
 * chains, buffers that point outside their message or into the fields that describe them or into each other, bad and
 * duplicate negotiate contexts, garbage security blobs, and paths that try to leave the share. Each gets the status
 * [MS-SMB2] names or a disconnect of that connection only; the bystander keeps working and nothing outside the share
 * is read or written.
 */
class HostileBytesEndToEndTest extends HostileInputFixture {
    @TempDir
    Path outside;

    /** A byte stream to the server beneath the SMB framing: a TCP socket, or the QUIC connection's one stream. */
    private interface RawStream extends AutoCloseable {
        OutputStream out();

        InputStream in();

        /** Ends the sending direction (TCP FIN, QUIC stream FIN). */
        void finish() throws IOException;

        @Override
        void close() throws IOException;
    }

    private RawStream rawStream() throws IOException {
        if (transport.equals("tcp")) {
            Socket socket = new Socket(address.getAddress(), address.getPort());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            return new RawStream() {
                public OutputStream out() {
                    return out;
                }

                public InputStream in() {
                    return in;
                }

                public void finish() throws IOException {
                    socket.shutdownOutput();
                }

                public void close() throws IOException {
                    socket.close();
                }
            };
        }
        // to the server's own address (localhost may resolve to ::1 first), with time for a first handshake on a
        // busy machine, and with what kwik's client needs from every user
        QuicClientConnection connection = KwikWorkarounds.clientBuilder()
                .host("localhost").proxy(address.getAddress().getHostAddress()).port(address.getPort())
                .applicationProtocol("smb").noServerCertificateCheck().connectTimeout(Duration.ofSeconds(30))
                .logger(new NullLogger()).build();
        connection.connect();
        QuicStream stream = connection.createStream(true);
        return new RawStream() {
            public OutputStream out() {
                return stream.getOutputStream();
            }

            public InputStream in() {
                return stream.getInputStream();
            }

            public void finish() throws IOException {
                stream.getOutputStream().close();
            }

            public void close() {
                connection.close();
            }
        };
    }

    /** Reads until the server ends the stream (or resets it); fails if it sends anything or stays open 30 s. */
    private static void assertServerHangsUp(RawStream stream) throws Exception {
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                return stream.in().read();
            } catch (IOException reset) {
                return -1;
            }
        });
        assertThat(read.get(30, TimeUnit.SECONDS)).as("the server's answer to broken framing").isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty", "quic-kwik"})
    void brokenFramingEndsThatConnectionOnly(String transportId) throws Exception {
        start(transportId);
        byte[] echo = Smb2Codec.encode(new Smb2Message(Smb2Header.request(Command.ECHO, 0), new EchoRequest()));
        List<String> framings = List.of(
                "01000044",   // first framing byte not zero
                "00000000",   // a zero-length frame
                "00ffffff");  // longer than the largest message the server takes
        for (String framing : framings) {
            try (RawStream stream = rawStream()) {
                try {
                    stream.out().write(HexFormat.of().parseHex(framing));
                    stream.out().write(echo);
                    stream.out().flush();
                } catch (IOException reset) {
                    // the server hung up on the framing before the message behind it was written
                }
                assertServerHangsUp(stream);
            }
        }
        try (RawStream stream = rawStream()) { // a frame cut short by the end of the stream
            stream.out().write(HexFormat.of().parseHex("00000064"));
            stream.out().write(echo, 0, 10);
            stream.finish();
            assertServerHangsUp(stream);
        }
        othersUnharmed();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void aCompoundChainWhoseNextCommandIsMisplacedEndsTheConnection(String transportId) throws Exception {
        start(transportId);
        // shorter than a header (iteration would go round in place), not 8-aligned, past the end of the chain
        for (long nextCommand : new long[] {8, 68, 0xFFFF_FFF8L}) {
            Raw raw = new Raw();
            raw.negotiate();
            byte[] chain = CompoundChain.encode(List.of(
                    new Smb2Message(Smb2Header.request(Command.ECHO, 1), new EchoRequest()),
                    new Smb2Message(Smb2Header.request(Command.ECHO, 2), new EchoRequest())));
            ByteBuffer.wrap(chain).order(ByteOrder.LITTLE_ENDIAN).putInt(20, (int) nextCommand);
            raw.channel.send(Bytes.wrap(chain));
            assertThat(answer(raw)).as("NextCommand " + nextCommand).isNull();
        }
        othersUnharmed();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void badAndDuplicateNegotiateContextsAreRefused(String transportId) throws Exception {
        start(transportId);
        TransportKind kind = transportId.equals("tcp") ? TransportKind.TCP : TransportKind.QUIC;
        byte[] request = new ClientNegotiator(NegotiatePolicy.defaults().withServerName("localhost"), kind,
                UUID.randomUUID(), new SecureRandom()).requestBytes();

        Raw duplicated = new Raw();
        NegotiateRequest negotiate = (NegotiateRequest) Smb2Codec.decode(Bytes.wrap(request)).body();
        List<NegotiateContext> twice = new ArrayList<>(negotiate.negotiateContexts());
        twice.add(negotiate.negotiateContexts().get(0));
        duplicated.send(Smb2Header.request(Command.NEGOTIATE, 0), new NegotiateRequest(negotiate.securityMode(),
                negotiate.capabilities(), negotiate.clientGuid(), negotiate.dialects(), twice));
        // [MS-SMB2] 3.3.5.4: a context type may appear once
        assertThat(answer(duplicated)).as("duplicate context").isEqualTo(NtStatus.INVALID_PARAMETER);

        Raw overlong = new Raw();
        int contextOffset = (int) WireReader.of(Bytes.wrap(request)).position(64 + 28).u32Unsigned();
        ByteBuffer.wrap(request).order(ByteOrder.LITTLE_ENDIAN).putShort(contextOffset + 2, (short) 0xFFF0);
        overlong.channel.send(Bytes.wrap(request));
        assertThat(answer(overlong)).as("DataLength past the end").isEqualTo(NtStatus.INVALID_PARAMETER);
        othersUnharmed();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void garbageSecurityBlobsAndMisplacedBuffersFailSessionSetup(String transportId) throws Exception {
        start(transportId);
        Raw garbage = new Raw();
        garbage.negotiate();
        byte[] noise = "not an SPNEGO token, not NTLMSSP either".getBytes(StandardCharsets.US_ASCII);
        garbage.send(Smb2Header.request(Command.SESSION_SETUP, 1), new SessionSetupRequest(0, 1, 0, 0, 0, Bytes.wrap(noise)));
        assertThat(answer(garbage)).as("garbage blob").isEqualTo(NtStatus.INVALID_PARAMETER);

        Raw misplaced = new Raw();
        misplaced.negotiate();
        byte[] setup = Smb2Codec.encode(new Smb2Message(Smb2Header.request(Command.SESSION_SETUP, 1),
                new SessionSetupRequest(0, 1, 0, 0, 0, Bytes.wrap(noise))));
        // SecurityBufferOffset at the header: the blob would overlap the fields that describe it
        ByteBuffer.wrap(setup).order(ByteOrder.LITTLE_ENDIAN).putShort(64 + 12, (short) 64);
        misplaced.channel.send(Bytes.wrap(setup));
        assertThat(answer(misplaced)).as("buffer inside the fixed part").isEqualTo(NtStatus.INVALID_PARAMETER);
        othersUnharmed();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void buffersOutsideTheirMessageOrOverlappingAreInvalidParameter(String transportId) throws Exception {
        start(transportId);
        try (Insider insider = new Insider()) {
            int tree = insider.tree.id();
            FileId file = insider.tree.create("target.txt").fileId();
            WriteRequest write = new WriteRequest(0, file, 0, 0, 0, Bytes.wrap(new byte[] {1, 2, 3}), Bytes.EMPTY);
            // [MS-SMB2] 3.3.5.13: a DataOffset inside the fixed part or a Length past the end is INVALID_PARAMETER
            assertThat(insider.send(Command.WRITE, tree, write, bytes -> put16(bytes, 64 + 2, 64)))
                    .as("WRITE DataOffset at the header").isEqualTo(NtStatus.INVALID_PARAMETER);
            assertThat(insider.send(Command.WRITE, tree, write, bytes -> put32(bytes, 64 + 4, -1)))
                    .as("WRITE Length of 4 GiB").isEqualTo(NtStatus.INVALID_PARAMETER);

            CreateRequest create = new CreateRequest(0, 0, 2, 0, 0x0012019F, 0, 7, 2, 0,
                    "overlapping-buffers.txt", List.of());
            assertThat(insider.send(Command.CREATE, tree, create, bytes -> put16(bytes, 64 + 46, 0xFFFF)))
                    .as("CREATE NameLength past the end").isEqualTo(NtStatus.INVALID_PARAMETER);
            assertThat(insider.send(Command.CREATE, tree, create, bytes -> {
                put32(bytes, 64 + 48, 120); // CreateContexts over the name
                put32(bytes, 64 + 52, 40);
                return bytes;
            })).as("CREATE contexts over the name").isEqualTo(NtStatus.INVALID_PARAMETER);
        }
        assertThat(root.resolve("overlapping-buffers.txt")).doesNotExist();
        assertThat(Files.readAllBytes(root.resolve("target.txt"))).isEmpty();
        othersUnharmed();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void aWrongSignatureIsAccessDeniedAndTheSessionGoesOn(String transportId) throws Exception {
        start(transportId);
        try (Insider insider = new Insider()) {
            // [MS-SMB2] 3.3.5.2.4: a signature that does not verify fails the request with STATUS_ACCESS_DENIED
            assertThat(insider.sendWithWrongSignature(Command.ECHO, 0, new EchoRequest()))
                    .isEqualTo(NtStatus.ACCESS_DENIED);
            assertThat(insider.sendWithWrongSignature(Command.CREATE, insider.tree.id(), new CreateRequest(0, 0, 2, 0,
                    0x0012019F, 0, 7, 2, 0, "signed-wrongly.txt", List.of()))).isEqualTo(NtStatus.ACCESS_DENIED);
            insider.session.echo();
        }
        assertThat(root.resolve("signed-wrongly.txt")).doesNotExist();
        othersUnharmed();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "quic-netty"})
    void pathsThatLeaveTheShareTouchNothingOutsideIt(String transportId) throws Exception {
        start(transportId);
        Path secret = Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("link"), outside);
        String escape = "..\\" + outside.getFileName() + "\\secret.txt";
        try (SmbClient client = client()) {
            SmbTree tree = client.login(Credentials.password("eve", "", "pw")).connectTree("data");
            assertRefused(() -> tree.open(escape), NtStatus.OBJECT_PATH_SYNTAX_BAD);
            assertRefused(() -> tree.open("a\\..\\..\\secret.txt"), NtStatus.OBJECT_PATH_SYNTAX_BAD);
            assertRefused(() -> tree.create("..\\planted.txt"), NtStatus.OBJECT_PATH_SYNTAX_BAD);
            assertRefused(() -> tree.open("link\\secret.txt"), NtStatus.ACCESS_DENIED);
            assertRefused(() -> tree.create("link\\planted.txt"), NtStatus.ACCESS_DENIED);
            assertRefused(() -> tree.remove("link\\secret.txt"), NtStatus.ACCESS_DENIED);
            assertRefused(() -> tree.open("C:\\Windows\\win.ini"), NtStatus.OBJECT_NAME_INVALID);
        }
        assertThat(Files.readString(secret)).isEqualTo("secret");
        try (var listing = Files.list(outside)) {
            assertThat(listing).containsExactly(secret);
        }
        assertThat(root.getParent().resolve("planted.txt")).doesNotExist();
        othersUnharmed();
    }

    private static void assertRefused(ThrowingCallable attempt, NtStatus expected) {
        assertThatThrownBy(attempt).isInstanceOfSatisfying(SmbException.class,
                e -> assertThat(e.status()).isEqualTo(expected));
    }

    private static byte[] put16(byte[] bytes, int offset, int value) {
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(offset, (short) value);
        return bytes;
    }

    private static byte[] put32(byte[] bytes, int offset, int value) {
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return bytes;
    }

    /**
     * A logged-in client that can send a request the test has damaged after encoding: signed with the session's key
     * and carrying the next MessageId, so the server's buffer checks (not its signing or credit checks) are what
     * answers.
     */
    private final class Insider implements AutoCloseable {
        final AtomicReference<Bytes> lastSent = new AtomicReference<>();
        final SmbClient client;
        final SmbSession session;
        final SmbTree tree;

        Insider() throws SmbException {
            client = SmbClient.connect(transport, address, "localhost", ClientOptions.defaults()
                    .withTransport(trusting()).withTrace((connection, direction, wire, plaintext) -> {
                        if (direction == MessageTrace.Direction.SENT) {
                            lastSent.set(wire);
                        }
                    }));
            session = client.login(Credentials.password("eve", "", "pw"));
            tree = session.connectTree("data");
        }

        /** Sends the damaged request; returns the status of its response, or null if the server hung up. */
        NtStatus send(Command command, int treeId, Smb2Body body, UnaryOperator<byte[]> damage) throws SmbException {
            return send(command, treeId, body, damage, false);
        }

        /** Sends a well-formed request whose signature is wrong in one bit. */
        NtStatus sendWithWrongSignature(Command command, int treeId, Smb2Body body) throws SmbException {
            return send(command, treeId, body, UnaryOperator.identity(), true);
        }

        private NtStatus send(Command command, int treeId, Smb2Body body, UnaryOperator<byte[]> damage,
                              boolean breakSignature) throws SmbException {
            WireReader previous = WireReader.of(lastSent.get());
            long messageId = previous.position(24).u64() + Math.max(1, previous.position(6).u16());
            Smb2Header header = Smb2Header.request(command, messageId).withSession(session.id(), treeId)
                    .withFlags(HeaderFlags.SIGNED).withCredits(1, 64);
            byte[] bytes = damage.apply(Smb2Codec.encode(new Smb2Message(header, body)));
            session.state().signer.sign(bytes, 0, bytes.length);
            if (breakSignature) {
                bytes[48] ^= 1; // the Signature field starts at byte 48 of the header
            }
            ClientConnection.Exchange exchange = client.connection().sendPrepared(bytes);
            try {
                return client.connection().await(exchange).status();
            } catch (SmbException refused) {
                // an error the client refused to take as a response (unsigned in a signed session) keeps its status
                return client.connection().channel().closeFuture().isDone() ? null : refused.status();
            }
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
