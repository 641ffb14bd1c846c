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
import dev.smbq.smb2.transport.TlsIdentity;
import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.Transports;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.transport.support.Certificates;
import dev.smbq.transport.support.ChannelSocketFactory;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * smbj, a Java SMB client nobody here wrote, against our server: write, read back, list. Over TCP with its own
 * sockets; over QUIC (both backends) with its socket factory set to {@link ChannelSocketFactory}, so its Direct TCP
 * framing rides on our client's QUIC stream.
 */
@Tag("interop")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SmbjInteropTest {
    @TempDir
    Path root;

    private static final TlsIdentity CERTIFICATE = Certificates.selfSigned(List.of("localhost"), true);

    @ParameterizedTest(name = "{0}, encrypt: {1}")
    @CsvSource({"tcp, false", "tcp, true", "quic-netty, false", "quic-netty, true", "quic-kwik, false", "quic-kwik, true"})
    void writeReadAndList(String transport, boolean encrypt) throws Exception {
        try (SmbServer server = new SmbServer(ServerConfig.of(List.of(Share.of("data", root)),
                UserStore.parse("smbj:password:Passw0rd!")));
             TransportConnector connector = Transports.byId(transport).connector(TransportOptions.defaults()
                     .withTrust(new TrustPolicy.Anchors(CERTIFICATE.chain())))) {
            InetSocketAddress address = server.listen(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    TransportOptions.defaults().withIdentity(CERTIFICATE));
            SmbConfig.Builder builder = SmbConfig.builder().withEncryptData(encrypt).withSigningRequired(true)
                    .withTimeout(60, TimeUnit.SECONDS);
            if (!transport.equals("tcp")) {
                builder.withSocketFactory(new ChannelSocketFactory(connector, "localhost"));
            }
            SmbConfig config = builder.build();
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
