package dev.smbq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbq.server.ServerConfig;
import dev.smbq.server.Share;
import dev.smbq.server.SmbServer;
import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.wire.Bytes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Byte-range locks between two clients: conflicts, mandatory checks on READ/WRITE, unlock, release at close. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ByteRangeLockTest {
    @TempDir
    Path root;

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
        try (SmbServer server = new SmbServer(ServerConfig.of(List.of(Share.of("data", root)), UserStore.parse("u:password:p")))) {
            InetSocketAddress address = server.listen("tcp", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    TransportOptions.defaults());
            try (SmbClient first = SmbClient.connect("tcp", address, "localhost", ClientOptions.defaults());
                 SmbClient second = SmbClient.connect("tcp", address, "localhost", ClientOptions.defaults())) {
                SmbTree a = first.login(Credentials.password("u", "", "p")).connectTree("data");
                SmbTree b = second.login(Credentials.password("u", "", "p")).connectTree("data");
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
                fileA.write(0, Bytes.wrap(new byte[] {1}));
                fileA.close();
            }
        }
    }
}
