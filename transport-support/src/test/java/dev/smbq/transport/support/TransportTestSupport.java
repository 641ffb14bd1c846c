package dev.smbq.transport.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.transport.MessageListener;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportAcceptor;
import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TransportProvider;
import dev.smbq.smb2.transport.Transports;
import dev.smbq.smb2.wire.Bytes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What transport tests share: a provider under test, echo servers and clients on loopback ephemeral ports,
 * resources closed after each test, a Netty leak check and a time limit.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@ExtendWith(NettyLeakCheck.class)
public abstract class TransportTestSupport {
    protected static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private final List<AutoCloseable> resources = new ArrayList<>();

    /** The provider id under test. */
    protected abstract String transportId();

    /** Server options (QUIC adds a certificate). */
    protected TransportOptions serverOptions() {
        return TransportOptions.defaults();
    }

    /** Client options (QUIC trusts the test certificate). */
    protected TransportOptions clientOptions() {
        return TransportOptions.defaults();
    }

    /** The name the client asks for (QUIC checks it against the certificate). */
    protected String serverName() {
        return "localhost";
    }

    protected final TransportProvider provider() {
        return Transports.byId(transportId());
    }

    protected final <T extends AutoCloseable> T closeLater(T resource) {
        resources.add(resource);
        return resource;
    }

    @AfterEach
    void closeResources() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    /** A server that answers every message with the same bytes; returns its address. */
    protected final InetSocketAddress echoServer(TransportOptions options) {
        TransportAcceptor acceptor = closeLater(provider().acceptor(options));
        return acceptor.listen(ANY_LOOPBACK_PORT, channel -> channel.start(new MessageListener() {
            @Override
            public void onMessage(SmbChannel source, Bytes message) {
                source.send(message);
            }

            @Override
            public void onClosed(SmbChannel source, Throwable cause) {
            }
        })).join();
    }

    protected final SmbChannel connect(InetSocketAddress server, TransportOptions options) {
        TransportConnector connector = closeLater(provider().connector(options));
        return connector.connect(server, serverName()).orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** Starts a channel whose messages collect in the returned queue; a close is the end marker. */
    protected static Received receive(SmbChannel channel) {
        Received received = new Received();
        channel.start(received);
        return received;
    }

    /** What a channel delivered. */
    public static final class Received implements MessageListener {
        public static final Bytes CLOSED = Bytes.wrap(new byte[] {'E', 'O', 'F'});
        public final BlockingQueue<Bytes> messages = new LinkedBlockingQueue<>();
        public volatile Throwable closeCause;

        @Override
        public void onMessage(SmbChannel channel, Bytes message) {
            messages.add(message);
        }

        @Override
        public void onClosed(SmbChannel channel, Throwable cause) {
            closeCause = cause;
            messages.add(CLOSED);
        }

        public Bytes next() throws InterruptedException {
            Bytes message = messages.poll(60, TimeUnit.SECONDS);
            assertThat(message).as("a message within 60 s").isNotNull();
            return message;
        }
    }
}
