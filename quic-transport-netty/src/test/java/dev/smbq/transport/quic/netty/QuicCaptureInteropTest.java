package dev.smbq.transport.quic.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.negotiate.ClientNegotiator;
import dev.smbq.smb2.negotiate.NegotiatePolicy;
import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.transport.support.PacketCapture;
import dev.smbq.transport.support.TransportTestSupport;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tshark, an independent dissector, reads a captured QUIC session of ours: it finds ALPN "smb" in the handshake,
 * and with the server's key log it decrypts the stream and dissects the SMB2 NEGOTIATE inside. Needs tshark and
 * root (for the loopback capture): interop profile, after {@code scripts/peers install}.
 */
@Tag("interop")
class QuicCaptureInteropTest extends TransportTestSupport {
    @Override
    protected String transportId() {
        return NettyQuicTransportProvider.ID;
    }

    @Test
    void tsharkSeesAlpnSmbAndDecryptsTheNegotiate(@TempDir Path directory) throws Exception {
        Path keyLog = directory.resolve("server.keys");
        Path capture = directory.resolve("quic.pcapng");
        InetSocketAddress server = echoServer(TransportOptions.defaults().withIdentity(NettyQuicTransportTest.SERVER)
                .withKeyLog(keyLog));
        try (PacketCapture ignored = PacketCapture.start(capture, "udp port " + server.getPort())) {
            SmbChannel client = connect(server, TransportOptions.defaults()
                    .withTrust(new TrustPolicy.Anchors(NettyQuicTransportTest.SERVER.chain())));
            Received received = receive(client);
            byte[] negotiate = new ClientNegotiator(NegotiatePolicy.defaults(), TransportKind.QUIC, UUID.randomUUID(),
                    new SecureRandom()).requestBytes();
            client.send(Bytes.wrap(negotiate));
            assertThat(received.next()).isEqualTo(Bytes.wrap(negotiate));
            client.closeGracefully().get(30, TimeUnit.SECONDS);
        }
        String decodeAs = "udp.port==" + server.getPort() + ",quic";
        assertThat(PacketCapture.tshark(capture, "-d", decodeAs, "-Y", "tls.handshake.extensions_alpn_str == \"smb\"",
                "-T", "fields", "-e", "tls.handshake.extensions_alpn_str")).contains("smb");
        assertThat(PacketCapture.tshark(capture, "-d", decodeAs, "-o", "tls.keylog_file:" + keyLog, "-Y", "smb2.cmd == 0",
                "-T", "fields", "-e", "smb2.cmd")).contains("0");
    }
}
