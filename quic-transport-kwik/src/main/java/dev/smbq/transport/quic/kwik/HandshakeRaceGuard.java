package dev.smbq.transport.quic.kwik;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import tech.kwik.core.DatagramSocketFactory;

/**
 * Sockets for kwik's client that hand the first datagram from the server to kwik only once the thread that called
 * {@code connect()} waits for the handshake to finish.
 *
 * <p>Why: kwik's TLS engine (agent15 3.1) passes the ClientHello to kwik's sender and only afterwards records that it
 * now expects a ServerHello. kwik's receiver thread runs meanwhile; a ServerHello it processes in that gap is dropped
 * without a word, yet the packet that carried it is acknowledged, so the server never sends it again and the
 * handshake hangs until the connect timeout. On loopback against quiche, which answers within a millisecond, this was
 * seen about once in 150 to 300 connections. {@code connect()} parks its thread only after the engine's state is set,
 * so holding the first datagram until then closes the gap; the hold is bounded, and later datagrams pass at once.
 */
final class HandshakeRaceGuard implements DatagramSocketFactory {
    private static final long MAX_HOLD_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

    private final Thread connecting;
    private volatile boolean released;

    private HandshakeRaceGuard(Thread connecting) {
        this.connecting = connecting;
    }

    /** A factory for one connection, which the calling thread will build and then {@code connect()}. */
    static DatagramSocketFactory forThisThread() {
        return new HandshakeRaceGuard(Thread.currentThread());
    }

    @Override
    public DatagramSocket createSocket(InetAddress destination) throws SocketException {
        return new DatagramSocket() {
            @Override
            public void receive(DatagramPacket packet) throws IOException {
                super.receive(packet);
                if (!released) {
                    holdUntilConnectWaits();
                }
            }
        };
    }

    private void holdUntilConnectWaits() {
        long deadline = System.nanoTime() + MAX_HOLD_NANOS;
        while (!waitsOrEnded(connecting.getState()) && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(POLL_NANOS);
        }
        released = true;
    }

    private static boolean waitsOrEnded(Thread.State state) {
        return state == Thread.State.TIMED_WAITING || state == Thread.State.WAITING
                || state == Thread.State.TERMINATED;
    }
}
