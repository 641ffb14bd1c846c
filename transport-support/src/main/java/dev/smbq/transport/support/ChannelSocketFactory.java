package dev.smbq.transport.support;

import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportConnector;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.SocketFactory;

/**
 * Lets a client written for Direct TCP sockets (smbj, for one) run over any smbq transport, QUIC included: each
 * socket it creates is a new channel of {@code connector}, and the byte stream it reads and writes carries the same
 * 4-byte framing as TCP. The factory does not own the connector; close the connector when done.
 */
public final class ChannelSocketFactory extends SocketFactory {
    private static final long CONNECT_TIMEOUT_SECONDS = 30;

    private final TransportConnector connector;
    private final String serverName;

    /** @param serverName the name the server's certificate must carry (QUIC), and the SNI sent */
    public ChannelSocketFactory(TransportConnector connector, String serverName) {
        this.connector = connector;
        this.serverName = serverName;
    }

    @Override
    public Socket createSocket() {
        throw new UnsupportedOperationException("a channel socket is connected when created; use createSocket(host, port)");
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connect(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localAddress, int localPort) throws IOException {
        return connect(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return connect(new InetSocketAddress(address, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connect(new InetSocketAddress(address, port));
    }

    private Socket connect(InetSocketAddress remote) throws IOException {
        try {
            SmbChannel channel = connector.connect(remote, serverName).get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new ChannelSocket(channel);
        } catch (ExecutionException e) {
            throw new IOException("cannot connect to " + remote + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new java.net.SocketTimeoutException("connecting to " + remote + " took longer than "
                    + CONNECT_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while connecting to " + remote);
        }
    }
}
