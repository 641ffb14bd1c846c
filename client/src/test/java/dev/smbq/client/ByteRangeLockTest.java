package dev.smbq.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.server.ServerConfig;
import dev.smbq.server.Share;
import dev.smbq.server.SmbServer;
import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.trace.MessageTrace;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.wire.Bytes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Byte-range locks between two clients: conflicts, mandatory checks on READ/WRITE, unlock, release at close, and
 * locks that wait (async, granted or cancelled), with the waiting client probing the quiet connection.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ByteRangeLockTest {
    @TempDir
    Path root;
    private SmbServer server;
    private InetSocketAddress address;

    @BeforeEach
    void startServer() throws Exception {
        server = new SmbServer(ServerConfig.of(List.of(Share.of("data", root)), UserStore.parse("u:password:p")));
        address = server.listen("tcp", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                TransportOptions.defaults());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private SmbClient connect(ClientOptions options) throws Exception {
        return SmbClient.connect("tcp", address, "localhost", options);
    }

    private static SmbTree tree(SmbClient client) throws SmbException {
        return client.login(Credentials.password("u", "", "p")).connectTree("data");
    }

    private static NtStatus statusOf(ThrowingRunnable action) {
        try {
            action.run();
            return NtStatus.SUCCESS;
        } catch (SmbException e) {
            return e.status();
        }
    }

    private interface ThrowingRunnable {
        void run() throws SmbException;
    }

    @Test
    void locksConflictAcrossClientsAndAreReleasedAtClose() throws Exception {
        try (SmbClient first = connect(ClientOptions.defaults()); SmbClient second = connect(ClientOptions.defaults())) {
            SmbTree a = tree(first);
            SmbTree b = tree(second);
            SmbFile fileA = a.create("locked.bin");
            fileA.write(0, Bytes.wrap(new byte[100]));
            SmbFile fileB = b.open("locked.bin");
            fileA.lock(0, 10, true);
            assertThat(statusOf(() -> fileB.write(5, Bytes.wrap(new byte[] {1})))).isEqualTo(NtStatus.FILE_LOCK_CONFLICT);
            assertThat(statusOf(() -> fileB.read(0, 10))).isEqualTo(NtStatus.FILE_LOCK_CONFLICT);
            assertThat(statusOf(() -> fileB.lock(8, 4, false))).isEqualTo(NtStatus.LOCK_NOT_GRANTED);
            fileB.write(50, Bytes.wrap(new byte[] {1})); // outside the range
            assertThat(statusOf(() -> fileB.unlock(0, 10))).isEqualTo(NtStatus.RANGE_NOT_LOCKED);
            fileA.unlock(0, 10);
            fileB.lock(0, 10, false);
            fileA.lock(0, 10, false); // two shared locks coexist
            assertThat(statusOf(() -> fileA.write(0, Bytes.wrap(new byte[] {1})))).isEqualTo(NtStatus.FILE_LOCK_CONFLICT);
            fileB.close(); // closing releases B's lock
            // a shared lock bars writes from its own open as well
            assertThat(statusOf(() -> fileA.write(0, Bytes.wrap(new byte[] {1})))).isEqualTo(NtStatus.FILE_LOCK_CONFLICT);
            fileA.unlock(0, 10);
            fileA.write(0, Bytes.wrap(new byte[] {1}));
            assertThat(statusOf(() -> fileA.lock(-10, 20, true))).isEqualTo(NtStatus.INVALID_LOCK_RANGE);
            fileA.close();
        }
    }

    @Test
    void aLockThatMustWaitGoesAsyncAndEndsGrantedOrCancelled() throws Exception {
        // the waiting side encrypts, so its interim and final responses come sealed
        try (SmbClient first = connect(ClientOptions.defaults());
             SmbClient second = connect(ClientOptions.defaults().withEncryption(true))) {
            SmbTree a = tree(first);
            SmbTree b = tree(second);
            SmbFile fileA = a.create("waited.bin");
            SmbFile fileB = b.open("waited.bin");
            fileA.lock(0, 10, true);

            PendingLock waiting = fileB.lockWhenFree(5, 10, true);
            assertThat(statusOf(() -> waiting.await(Duration.ofMillis(300))))
                    .isEqualTo(NtStatus.INVALID_NETWORK_RESPONSE); // still waiting
            fileA.unlock(0, 10);
            waiting.await(Duration.ofSeconds(10));
            assertThat(statusOf(() -> fileA.lock(0, 6, false))).isEqualTo(NtStatus.LOCK_NOT_GRANTED);

            PendingLock cancelled = fileA.lockWhenFree(14, 1, false);
            cancelled.cancel();
            assertThat(statusOf(() -> cancelled.await(Duration.ofSeconds(10)))).isEqualTo(NtStatus.CANCELLED);

            PendingLock afterClose = fileA.lockWhenFree(0, 20, false);
            fileB.close(); // closing the holder's open grants the waiter
            afterClose.await(Duration.ofSeconds(10));

            SmbFile otherA = a.open("waited.bin");
            PendingLock ofClosedOpen = otherA.lockWhenFree(0, 1, true);
            assertThat(statusOf(() -> ofClosedOpen.await(Duration.ofMillis(300))))
                    .isEqualTo(NtStatus.INVALID_NETWORK_RESPONSE);
            otherA.close(); // closing the waiter's own open ends its request, as Windows and Samba do
            assertThat(statusOf(() -> ofClosedOpen.await(Duration.ofSeconds(10)))).isEqualTo(NtStatus.RANGE_NOT_LOCKED);
            fileA.close();
        }
    }

    @Test
    void aClientWaitingOnAQuietConnectionProbesItWithEcho() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        MessageTrace echoes = (connection, direction, wire, plaintext) -> {
            Smb2Header header = Smb2Codec.decodeHeader(plaintext);
            if (header.command().equals(Command.ECHO)) {
                seen.add(direction + (header.isResponse() ? " response " + header.ntStatus() : " request")
                        + " in session " + header.sessionId());
            }
        };
        try (SmbClient holder = connect(ClientOptions.defaults());
             SmbClient waiter = connect(ClientOptions.defaults().withTrace(echoes))) {
            SmbFile held = tree(holder).create("held.bin");
            SmbFile wanted = tree(waiter).open("held.bin");
            held.lock(0, 10, true);
            PendingLock waiting = wanted.lockWhenFree(0, 10, true);
            // nothing arrives while the lock is held: past the probe interval the waiter sends an ECHO, and is answered
            Duration wait = ClientConnection.PROBE_AFTER.multipliedBy(2).plusMillis(500);
            assertThat(statusOf(() -> waiting.await(wait))).isEqualTo(NtStatus.INVALID_NETWORK_RESPONSE);
            assertThat(seen).contains("SENT request in session 0",
                    "RECEIVED response STATUS_SUCCESS (0x00000000) in session 0");
            held.unlock(0, 10);
            waiting.await(Duration.ofSeconds(10)); // the probe took nothing from the request it waited on
            held.close();
            wanted.close();
        }
    }
}
