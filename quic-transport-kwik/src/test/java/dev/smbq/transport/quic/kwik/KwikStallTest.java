package dev.smbq.transport.quic.kwik;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.transport.MessageListener;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.transport.support.TransportTestSupport;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proves the kwik send-path stall is worked around: sustained transfers both ways and SMB-like request/response
 * loops (small and large replies) that all complete, each step within {@link #STEP_SECONDS} (a stalled stream would
 * sit until the idle timeout). The default build runs a short variant; {@code -Plong} runs 20 transfers of 256 MiB
 * ({@code smbq.kwik.stall.transfers}, {@code smbq.kwik.stall.mebibytes}).
 */
@Timeout(value = 3, unit = TimeUnit.HOURS)
class KwikStallTest extends TransportTestSupport {
    private static final int STEP_SECONDS = 10;
    private static final int TRANSFERS = Integer.getInteger("smbq.kwik.stall.transfers", 3);
    private static final int MEBIBYTES = Integer.getInteger("smbq.kwik.stall.mebibytes", 32);

    @Override
    protected String transportId() {
        return KwikQuicTransportProvider.ID;
    }

    @Override
    protected TransportOptions serverOptions() {
        return TransportOptions.defaults().withIdentity(KwikQuicTransportTest.SERVER);
    }

    @Override
    protected TransportOptions clientOptions() {
        return TransportOptions.defaults().withTrust(new TrustPolicy.Anchors(KwikQuicTransportTest.SERVER.chain()));
    }

    /** A server that answers a request of 4 bytes N with N bytes, and counts other messages' bytes into a reply. */
    private InetSocketAddress replyingServer() {
        return closeLater(provider().acceptor(serverOptions())).listen(ANY_LOOPBACK_PORT,
                channel -> channel.start(new MessageListener() {
                    private long uploaded;

                    @Override
                    public void onMessage(SmbChannel source, Bytes message) {
                        if (message.length() == 4) {
                            int size = dev.smbq.smb2.wire.WireReader.of(message).u32();
                            source.send(Bytes.wrap(new byte[size]));
                        } else {
                            uploaded += message.length();
                            if (uploaded == (long) MEBIBYTES << 20) {
                                uploaded = 0;
                                source.send(Bytes.wrap(new byte[] {1, 2, 3}));
                            }
                        }
                    }

                    @Override
                    public void onClosed(SmbChannel source, Throwable cause) {
                    }
                })).join();
    }

    private static Bytes request(int replySize) {
        byte[] request = new byte[4];
        dev.smbq.smb2.wire.WireWriter.of(request).u32(replySize);
        return Bytes.wrap(request);
    }

    @Test
    void sustainedUploadsAndDownloadsComplete() throws Exception {
        SmbChannel client = connect(replyingServer(), clientOptions());
        Received received = receive(client);
        for (int transfer = 0; transfer < TRANSFERS; transfer++) {
            for (int i = 0; i < MEBIBYTES; i++) {
                client.send(Bytes.wrap(new byte[1 << 20])).get(STEP_SECONDS, TimeUnit.SECONDS);
            }
            assertThat(received.messages.poll(STEP_SECONDS, TimeUnit.SECONDS)).as("upload %d acknowledged", transfer)
                    .isEqualTo(Bytes.wrap(new byte[] {1, 2, 3}));
            for (int i = 0; i < MEBIBYTES; i++) {
                client.send(request(1 << 20));
            }
            for (int i = 0; i < MEBIBYTES; i++) {
                Bytes reply = received.messages.poll(STEP_SECONDS, TimeUnit.SECONDS);
                assertThat(reply).as("download %d, MiB %d", transfer, i).isNotNull();
                assertThat(reply.length()).isEqualTo(1 << 20);
            }
        }
    }

    @Test
    void requestResponseLoopsWithSmallAndLargeRepliesComplete() throws Exception {
        SmbChannel client = connect(replyingServer(), clientOptions());
        Received received = receive(client);
        for (int replySize : new int[] {8 * 1024, 64 * 1024, 1 << 20}) {
            int rounds = replySize == 1 << 20 ? 50 : 300;
            for (int round = 0; round < rounds; round++) {
                client.send(request(replySize));
                Bytes reply = received.messages.poll(STEP_SECONDS, TimeUnit.SECONDS);
                assertThat(reply).as("reply %d of %d bytes", round, replySize).isNotNull();
                assertThat(reply.length()).isEqualTo(replySize);
            }
        }
    }
}
