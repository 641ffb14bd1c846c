package dev.smbq.transport.quic.kwik;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.transport.support.TransportTestSupport;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tech.kwik.core.QuicConnection;

/**
 * kwik 0.10.8's flaws that {@link KwikWorkarounds} covers, each shown where it used to bite: kwik's client against
 * quiche (the server under test here), which answers a ClientHello on loopback within a millisecond.
 */
class KwikWorkaroundsTest extends TransportTestSupport {
    /** Without the workarounds about one connection in 150 to 300 hung, so this many fail nearly every run. */
    private static final int CONNECTIONS = 300;

    @Override
    protected String transportId() {
        return "quic-netty";
    }

    @Test
    void theLossDetectorRunsWithoutItsAssertionsEvenWhereTestsEnableThem() throws Exception {
        new KwikQuicTransportProvider();
        Class<?> lossDetector = Class.forName("tech.kwik.core.recovery.LossDetector", false,
                QuicConnection.class.getClassLoader());
        assertThat(lossDetector.desiredAssertionStatus()).isFalse();
    }

    /** Each handshake completes (no ServerHello lost) and each connection keeps reading (its receive thread lives). */
    @Test
    void everyConnectionToQuicheCompletesItsHandshakeAndCarriesAMessage() throws Exception {
        InetSocketAddress server = echoServer(TransportOptions.defaults().withIdentity(KwikQuicTransportTest.SERVER));
        TransportConnector kwik = closeLater(new KwikQuicTransportProvider().connector(TransportOptions.defaults()
                .withTrust(new TrustPolicy.Anchors(KwikQuicTransportTest.SERVER.chain()))));
        for (int i = 0; i < CONNECTIONS; i++) {
            SmbChannel client = kwik.connect(server, "localhost").get(10, TimeUnit.SECONDS);
            Received received = receive(client);
            client.send(Bytes.wrap(new byte[] {(byte) i}));
            assertThat(received.next().toByteArray()).as("echo on connection " + i).containsExactly((byte) i);
            client.closeGracefully().get(30, TimeUnit.SECONDS);
        }
    }
}
