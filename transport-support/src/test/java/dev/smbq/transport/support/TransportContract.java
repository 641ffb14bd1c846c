package dev.smbq.transport.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.transport.MessageListener;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportAcceptor;
import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.wire.Bytes;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every transport must do, run by each transport module against its own provider over loopback on ephemeral
 * ports: whole messages of any size in order, large ones from several threads at once, graceful close both ways
 * without losing queued messages, many connections at once, idle connections closed, an oversized frame closing only
 * its own channel.
 */
public abstract class TransportContract extends TransportTestSupport {
    @Test
    void messagesFromOneByteToEightMebibytesArriveWholeAndInOrder() throws InterruptedException {
        SmbChannel client = connect(echoServer(serverOptions()), clientOptions());
        Received received = receive(client);
        Random random = new Random(42);
        List<Bytes> sent = new ArrayList<>();
        for (int size : new int[] {1, 2, 63, 64, 1000, 4096, 65535, 65536, 65537, 1 << 20, 8 << 20}) {
            byte[] message = new byte[size];
            random.nextBytes(message);
            sent.add(Bytes.wrap(message));
            client.send(Bytes.wrap(message));
        }
        for (Bytes expected : sent) {
            assertThat(received.next()).isEqualTo(expected);
        }
        assertThat(client.info().transportId()).isEqualTo(transportId());
        assertThat(client.info().kind()).isEqualTo(provider().kind());
        assertThat(client.statistics().join().bytesSent()).isGreaterThan(9 << 20);
    }

    /** Several threads sending large messages at once (a server's workers): each arrives whole, none cut by another. */
    @Test
    void largeMessagesFromSeveralThreadsAtOnceArriveWhole() throws Exception {
        SmbChannel client = connect(echoServer(serverOptions()), clientOptions());
        Received received = receive(client);
        Set<Bytes> sent = ConcurrentHashMap.newKeySet();
        ExecutorService senders = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> sending = new ArrayList<>();
            for (int thread = 0; thread < 3; thread++) {
                int seed = thread;
                sending.add(senders.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 2; i++) {
                        byte[] message = new byte[(3 << 20) + 4099 * seed + i];
                        random.nextBytes(message);
                        sent.add(Bytes.wrap(message));
                        client.send(Bytes.wrap(message));
                    }
                }));
            }
            for (Future<?> done : sending) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        Set<Bytes> arrived = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            arrived.add(received.next());
        }
        assertThat(arrived).isEqualTo(sent);
    }

    @Test
    void aClientsGracefulCloseDeliversEverythingQueuedBeforeIt() throws InterruptedException {
        BlockingQueue<Bytes> atServer = new LinkedBlockingQueue<>();
        TransportAcceptor acceptor = closeLater(provider().acceptor(serverOptions()));
        InetSocketAddress address = acceptor.listen(ANY_LOOPBACK_PORT, channel -> channel.start(new MessageListener() {
            @Override
            public void onMessage(SmbChannel source, Bytes message) {
                atServer.add(message);
            }

            @Override
            public void onClosed(SmbChannel source, Throwable cause) {
                atServer.add(Received.CLOSED);
            }
        })).join();
        SmbChannel client = connect(address, clientOptions());
        receive(client);
        byte[] big = new byte[1 << 20];
        for (int i = 0; i < 16; i++) {
            big[0] = (byte) i;
            client.send(Bytes.wrap(big.clone()));
        }
        client.closeGracefully().orTimeout(30, TimeUnit.SECONDS).join();
        for (int i = 0; i < 16; i++) {
            Bytes message = atServer.poll(60, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(message.length()).isEqualTo(1 << 20);
            assertThat(message.get(0)).isEqualTo((byte) i);
        }
        assertThat(atServer.poll(60, TimeUnit.SECONDS)).isEqualTo(Received.CLOSED);
    }

    @Test
    void aServersGracefulCloseDeliversEverythingQueuedBeforeIt() throws InterruptedException {
        TransportAcceptor acceptor = closeLater(provider().acceptor(serverOptions()));
        InetSocketAddress address = acceptor.listen(ANY_LOOPBACK_PORT, channel -> channel.start(new MessageListener() {
            @Override
            public void onMessage(SmbChannel source, Bytes message) {
                byte[] big = new byte[1 << 20];
                for (int i = 0; i < 16; i++) {
                    big[0] = (byte) i;
                    source.send(Bytes.wrap(big.clone()));
                }
                source.closeGracefully();
            }

            @Override
            public void onClosed(SmbChannel source, Throwable cause) {
            }
        })).join();
        SmbChannel client = connect(address, clientOptions());
        Received received = receive(client);
        client.send(Bytes.wrap(new byte[] {1}));
        for (int i = 0; i < 16; i++) {
            Bytes message = received.next();
            assertThat(message.length()).isEqualTo(1 << 20);
            assertThat(message.get(0)).isEqualTo((byte) i);
        }
        assertThat(received.next()).isEqualTo(Received.CLOSED);
    }

    @Test
    void aHundredConnectionsAtOnce() {
        InetSocketAddress server = echoServer(serverOptions());
        TransportConnector connector = closeLater(provider().connector(clientOptions()));
        List<CompletableFuture<Bytes>> replies = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 100; i++) {
            byte[] message = {(byte) i, 1, 2, 3};
            replies.add(connector.connect(server, serverName()).thenCompose(channel -> {
                CompletableFuture<Bytes> reply = new CompletableFuture<>();
                channel.start(new MessageListener() {
                    @Override
                    public void onMessage(SmbChannel source, Bytes bytes) {
                        reply.complete(bytes);
                        source.closeGracefully();
                    }

                    @Override
                    public void onClosed(SmbChannel source, Throwable cause) {
                        reply.completeExceptionally(new IllegalStateException("closed before the reply", cause));
                    }
                });
                channel.send(Bytes.wrap(message));
                return reply;
            }));
        }
        for (int i = 0; i < 100; i++) {
            assertThat(replies.get(i).orTimeout(60, TimeUnit.SECONDS).join().get(0)).isEqualTo((byte) i);
        }
    }

    @Test
    void idleConnectionsAreClosed() throws InterruptedException {
        InetSocketAddress server = echoServer(serverOptions().withIdleTimeout(Duration.ofMillis(1500)));
        SmbChannel client = connect(server, clientOptions().withIdleTimeout(Duration.ofMillis(1500)));
        Received received = receive(client);
        assertThat(received.messages.poll(30, TimeUnit.SECONDS)).isEqualTo(Received.CLOSED);
    }

    @Test
    void aFrameLongerThanTheMaximumClosesThatChannelOnly() throws InterruptedException {
        InetSocketAddress server = echoServer(serverOptions().withMaxMessageSize(4096));
        SmbChannel tooBig = connect(server, clientOptions());
        Received tooBigReceived = receive(tooBig);
        SmbChannel fine = connect(server, clientOptions());
        Received fineReceived = receive(fine);
        tooBig.send(Bytes.wrap(new byte[4097]));
        assertThat(tooBigReceived.next()).isEqualTo(Received.CLOSED);
        fine.send(Bytes.wrap(new byte[] {7}));
        assertThat(fineReceived.next()).isEqualTo(Bytes.wrap(new byte[] {7}));
    }
}
