package dev.smbq.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smbq.server.ServerConfig;
import dev.smbq.server.Share;
import dev.smbq.server.SmbServer;
import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.message.EchoRequest;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.transport.memory.MemoryTransportProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Fuzzes the server's handling of requests deep inside a session: over the in-memory transport, a logged-in client
 * with a tree connected and a file open sends, signed, whatever request body the fuzzer makes for one of the
 * commands a session takes (CREATE, CLOSE, FLUSH, READ, WRITE, IOCTL, QUERY_DIRECTORY, CHANGE_NOTIFY, QUERY_INFO,
 * SET_INFO, ECHO, TREE_CONNECT), with the open file's FileId put in where the command has one if the fuzzer says so.
 * The server may answer anything or close the connection; it must never meet an unexpected exception (it counts
 * them), and nothing outside the share may appear.
 */
class ServerRequestFuzzTest {
    private static final Command[] COMMANDS = {Command.CREATE, Command.CLOSE, Command.FLUSH, Command.READ,
            Command.WRITE, Command.IOCTL, Command.QUERY_DIRECTORY, Command.CHANGE_NOTIFY, Command.QUERY_INFO,
            Command.SET_INFO, Command.ECHO, Command.TREE_CONNECT};
    /** Where each command's FileId starts in its body, or -1. */
    private static final int[] FILE_ID_AT = {-1, 8, 8, 16, 16, 8, 8, 8, 24, 16, -1, -1};

    private static Path outside;
    private static SmbServer server;
    private static InetSocketAddress address;
    private static SmbClient client;
    private static SmbTree tree;
    private static SmbFile file;

    private static void connect() throws Exception {
        if (outside == null) {
            outside = Files.createTempDirectory("smbq-fuzz-");
            Path share = Files.createDirectory(outside.resolve("share"));
            server = new SmbServer(ServerConfig.of(List.of(Share.of("data", share)), UserStore.parse("fuzz:password:pw")));
            address = server.listen(MemoryTransportProvider.ID,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), TransportOptions.defaults());
        }
        if (client == null || client.connection().channel().closeFuture().isDone()) {
            if (client != null) {
                client.close();
            }
            client = SmbClient.connect(MemoryTransportProvider.ID, address, "localhost",
                    ClientOptions.defaults().withRequestTimeout(Duration.ofSeconds(10)));
            tree = client.login(Credentials.password("fuzz", "", "pw")).connectTree("data");
            file = tree.create("seed.bin");
            file.write(0, Bytes.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        }
    }

    @FuzzTest(maxDuration = FuzzDuration.EACH)
    void fuzz(byte[] input) throws Exception {
        connect();
        if (input.length < 2) {
            return;
        }
        int which = (input[0] & 0xFF) % COMMANDS.length;
        byte[] body = java.util.Arrays.copyOfRange(input, 2, input.length);
        int fileIdAt = FILE_ID_AT[which];
        if ((input[1] & 1) != 0 && fileIdAt >= 0 && body.length >= fileIdAt + 16) {
            java.nio.ByteBuffer.wrap(body, fileIdAt, 16).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .putLong(file.fileId().persistent()).putLong(file.fileId().volatileId());
        }
        // an ECHO's header with the command changed: the body bytes that follow are the fuzzer's
        byte[] header = java.util.Arrays.copyOf(Smb2Codec.encode(new Smb2Message(
                Smb2Header.request(Command.ECHO, 0), new EchoRequest())), Smb2Header.SIZE);
        header[12] = (byte) COMMANDS[which].code();
        byte[] message = java.util.Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, message, header.length, body.length);
        Smb2Message decoded;
        try {
            decoded = Smb2Codec.decode(Bytes.wrap(message));
        } catch (SmbDecodeException malformed) {
            return; // the server's decoders have their own fuzz targets; this one is about what comes after
        }
        if (decoded.body() instanceof dev.smbq.smb2.message.ReadRequest read && read.length() > 8 << 20) {
            return; // it would need credits no server grants; our client would wait for them, not send it
        }
        SmbSession session = tree.session();
        try {
            client.connection().await(client.connection().send(
                    Smb2Header.request(COMMANDS[which], 0).withSession(session.id(), tree.id()), decoded.body(),
                    session.state(), ClientConnection.Protection.SIGN));
        } catch (SmbException | IllegalArgumentException answered) {
            // an error status, a closed connection, or a body our client will not send: all allowed
        }
        assertThat(server.internalErrorCount()).as("unexpected exceptions in the server").isZero();
        try (var entries = Files.list(outside)) {
            assertThat(entries.map(path -> path.getFileName().toString()).toList()).containsExactly("share");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
