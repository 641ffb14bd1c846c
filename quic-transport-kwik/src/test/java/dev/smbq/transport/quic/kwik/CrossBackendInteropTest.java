package dev.smbq.transport.quic.kwik;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.transport.MessageListener;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportAcceptor;
import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TransportProvider;
import dev.smbq.smb2.transport.Transports;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.transport.support.NettyLeakCheck;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two QUIC stacks talk to each other: 64 MiB each way, checked by SHA-256. */
@ExtendWith(NettyLeakCheck.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CrossBackendInteropTest {
    private static final int TOTAL = 64 << 20;
    private static final int MESSAGE = 1 << 20;

    @ParameterizedTest(name = "{0} client -> {1} server")
    @CsvSource({"quic-kwik, quic-netty", "quic-netty, quic-kwik"})
    void sixtyFourMebibytesArriveIntact(String clientId, String serverId) throws Exception {
        TransportProvider serverProvider = Transports.byId(serverId);
        TransportProvider clientProvider = Transports.byId(clientId);
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        CompletableFuture<byte[]> serverDigest = new CompletableFuture<>();
        try (TransportAcceptor acceptor = serverProvider.acceptor(TransportOptions.defaults()
                .withIdentity(KwikQuicTransportTest.SERVER));
             TransportConnector connector = clientProvider.connector(TransportOptions.defaults()
                     .withTrust(new TrustPolicy.Anchors(KwikQuicTransportTest.SERVER.chain())))) {
            InetSocketAddress address = acceptor.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    channel -> channel.start(new MessageListener() {
                        private long count;

                        @Override
                        public void onMessage(SmbChannel source, Bytes message) {
                            received.update(message.toByteArray());
                            count += message.length();
                            if (count == TOTAL) {
                                serverDigest.complete(received.digest());
                                source.send(Bytes.wrap(new byte[] {1}));
                            }
                        }

                        @Override
                        public void onClosed(SmbChannel source, Throwable cause) {
                        }
                    })).join();
            SmbChannel client = connector.connect(address, "localhost").orTimeout(30, TimeUnit.SECONDS).join();
            CompletableFuture<Void> acknowledged = new CompletableFuture<>();
            client.start(new MessageListener() {
                @Override
                public void onMessage(SmbChannel source, Bytes message) {
                    acknowledged.complete(null);
                }

                @Override
                public void onClosed(SmbChannel source, Throwable cause) {
                    acknowledged.completeExceptionally(new IllegalStateException("closed early", cause));
                }
            });
            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            Random random = new Random(5);
            for (int offset = 0; offset < TOTAL; offset += MESSAGE) {
                byte[] message = new byte[MESSAGE];
                random.nextBytes(message);
                sent.update(message);
                client.send(Bytes.wrap(message)).get(60, TimeUnit.SECONDS);
            }
            acknowledged.get(120, TimeUnit.SECONDS);
            assertThat(serverDigest.get()).isEqualTo(sent.digest());
            client.closeGracefully().get(30, TimeUnit.SECONDS);
        }
    }
}
