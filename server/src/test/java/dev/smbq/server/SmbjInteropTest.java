package dev.smbq.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.SmbConfig;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.transport.TransportOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** smbj, a Java SMB client nobody here wrote, against our server over TCP: write, read back, list. */
@Tag("interop")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SmbjInteropTest {
    @TempDir
    Path root;

    @ParameterizedTest(name = "encrypt: {0}")
    @ValueSource(booleans = {false, true})
    void writeReadAndList(boolean encrypt) throws Exception {
        try (SmbServer server = new SmbServer(ServerConfig.of(List.of(Share.of("data", root)),
                UserStore.parse("smbj:password:Passw0rd!")))) {
            InetSocketAddress address = server.listen("tcp", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    TransportOptions.defaults());
            SmbConfig config = SmbConfig.builder().withEncryptData(encrypt).withSigningRequired(true)
                    .withTimeout(60, TimeUnit.SECONDS).build();
            byte[] data = new byte[3 * 1024 * 1024 + 17];
            new Random(9).nextBytes(data);
            try (SMBClient client = new SMBClient(config);
                 Connection connection = client.connect("127.0.0.1", address.getPort())) {
                Session session = connection.authenticate(new AuthenticationContext("smbj", "Passw0rd!".toCharArray(), ""));
                try (DiskShare share = (DiskShare) session.connectShare("data")) {
                    Set<SMB2ShareAccess> shareAccess = EnumSet.of(SMB2ShareAccess.FILE_SHARE_READ);
                    try (File file = share.openFile("smbj.bin", EnumSet.of(AccessMask.GENERIC_ALL), null, shareAccess,
                            SMB2CreateDisposition.FILE_OVERWRITE_IF, null);
                         OutputStream out = file.getOutputStream()) {
                        out.write(data);
                    }
                    byte[] back;
                    try (File file = share.openFile("smbj.bin", EnumSet.of(AccessMask.GENERIC_READ), null, shareAccess,
                            SMB2CreateDisposition.FILE_OPEN, null);
                         InputStream in = file.getInputStream()) {
                        back = in.readAllBytes();
                    }
                    assertThat(back).isEqualTo(data);
                    assertThat(share.list("")).extracting(info -> info.getFileName()).contains("smbj.bin");
                }
            }
            assertThat(Files.readAllBytes(root.resolve("smbj.bin"))).isEqualTo(data);
        }
    }
}
