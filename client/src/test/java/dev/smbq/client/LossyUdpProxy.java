package dev.smbq.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Random;

/**
 * A UDP relay on loopback between one QUIC client and a server that drops, duplicates and reorders a share of the
 * datagrams going either way (the same share of each), from a seeded random source so a failure can be replayed.
 * Clients connect to {@link #address()}; the first sender is taken as the client.
 */
final class LossyUdpProxy implements AutoCloseable {
    private final DatagramChannel front;
    private final DatagramChannel back;
    private final InetSocketAddress server;
    private final double share;
    private final Random random;
    private final Thread clientToServer;
    private final Thread serverToClient;
    private volatile SocketAddress client;
    private volatile boolean running = true;

    /** @param share of the datagrams each way: this share is dropped, as many duplicated, as many held back one */
    LossyUdpProxy(InetSocketAddress server, double share, long seed) throws IOException {
        this.server = server;
        this.share = share;
        this.random = new Random(seed);
        this.front = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.back = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.clientToServer = relay("client-to-server", front, true);
        this.serverToClient = relay("server-to-client", back, false);
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) front.getLocalAddress();
    }

    private Thread relay(String name, DatagramChannel from, boolean fromClient) {
        Thread thread = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(65536);
            ByteBuffer heldBack = null;
            try {
                while (running) {
                    buffer.clear();
                    SocketAddress sender = from.receive(buffer);
                    if (fromClient) {
                        client = sender;
                    }
                    buffer.flip();
                    ByteBuffer datagram = ByteBuffer.allocate(buffer.remaining()).put(buffer).flip();
                    double roll;
                    synchronized (random) {
                        roll = random.nextDouble();
                    }
                    if (roll < share) {
                        continue; // dropped
                    }
                    if (roll < 2 * share && heldBack == null) {
                        heldBack = datagram; // reordered: goes out after the next one
                        continue;
                    }
                    forward(datagram.duplicate(), fromClient);
                    if (roll < 3 * share) {
                        forward(datagram.duplicate(), fromClient); // duplicated
                    }
                    if (heldBack != null) {
                        forward(heldBack, fromClient);
                        heldBack = null;
                    }
                }
            } catch (IOException closed) {
                // the proxy was closed
            }
        }, "lossy-udp-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void forward(ByteBuffer datagram, boolean fromClient) throws IOException {
        if (fromClient) {
            back.send(datagram, server);
        } else if (client != null) {
            front.send(datagram, client);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        running = false;
        front.close();
        back.close();
        clientToServer.join(5000);
        serverToClient.join(5000);
    }
}
