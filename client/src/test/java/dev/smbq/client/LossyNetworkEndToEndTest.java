package dev.smbq.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.server.ServerConfig;
import dev.smbq.server.Share;
import dev.smbq.server.SmbServer;
import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.transport.TlsIdentity;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.transport.support.Certificates;
import dev.smbq.transport.support.NettyLeakCheck;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SMB over QUIC through a relay that drops, duplicates and reorders 5% of the datagrams each way: a file goes up and
 * comes back intact, with SMB encryption on too (double encryption). 16 MiB in the default build; the {@code long}
 * profile moves 64 MiB ({@code smbq.lossy.mebibytes}).
 */
@ExtendWith(NettyLeakCheck.class)
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class LossyNetworkEndToEndTest {
    private static final TlsIdentity CERTIFICATE = Certificates.selfSigned(List.of("localhost"), true);
    private static final int MEBIBYTES = Integer.getInteger("smbq.lossy.mebibytes", 16);
    private static final double LOSS = 0.05;

    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"quic-netty", "quic-kwik"})
    void aTransferThroughFivePercentLossDuplicationAndReorderingArrivesIntact(String transport) throws Exception {
        byte[] data = new byte[MEBIBYTES << 20];
        new Random(6).nextBytes(data);
        try (SmbServer server = new SmbServer(ServerConfig.of(List.of(Share.of("data", root)),
                UserStore.parse("lou:password:pw")))) {
            InetSocketAddress address = server.listen(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    TransportOptions.defaults().withIdentity(CERTIFICATE));
            try (LossyUdpProxy proxy = new LossyUdpProxy(address, LOSS, 17);
                 SmbClient client = SmbClient.connect(transport, proxy.address(), "localhost", ClientOptions.defaults()
                         .withTransport(TransportOptions.defaults().withTrust(new TrustPolicy.Anchors(CERTIFICATE.chain())))
                         .withEncryption(true))) {
                SmbTree tree = client.login(Credentials.password("lou", "", "pw")).connectTree("data");
                try (SmbFile file = tree.create("lossy.bin")) {
                    file.write(0, Bytes.wrap(data));
                }
                ByteArrayOutputStream back = new ByteArrayOutputStream();
                try (SmbFile file = tree.open("lossy.bin")) {
                    file.readTo(back);
                }
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                assertThat(sha.digest(back.toByteArray())).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
            }
            assertThat(Files.readAllBytes(root.resolve("lossy.bin"))).isEqualTo(data);
        }
    }
}
