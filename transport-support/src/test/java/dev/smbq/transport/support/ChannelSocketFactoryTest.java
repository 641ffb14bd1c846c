package dev.smbq.transport.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.wire.DirectTcpFraming;
import dev.smbq.transport.memory.MemoryTransportProvider;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A socket over a channel: frames written in any pieces go out as messages, and come back framed. */
class ChannelSocketFactoryTest extends TransportTestSupport {
    @Override
    protected String transportId() {
        return MemoryTransportProvider.ID;
    }

    private Socket socketTo(InetSocketAddress server) throws IOException {
        TransportConnector connector = closeLater(provider().connector(TransportOptions.defaults()));
        return closeLater(new ChannelSocketFactory(connector, "localhost").createSocket(server.getHostString(),
                server.getPort()));
    }

    @Test
    void framesWrittenInPiecesComeBackFramedAndWhole() throws IOException {
        InetSocketAddress server = echoServer(TransportOptions.defaults());
        Socket socket = socketTo(server);
        socket.setSoTimeout(30_000);
        Random random = new Random(8);
        byte[][] messages = {new byte[1], new byte[70_000], new byte[3]};
        OutputStream out = socket.getOutputStream();
        for (byte[] message : messages) {
            random.nextBytes(message);
            byte[] framed = DirectTcpFraming.frame(message);
            for (int position = 0; position < framed.length; ) {
                int piece = Math.min(framed.length - position, 1 + random.nextInt(5000));
                out.write(framed, position, piece);
                position += piece;
            }
        }
        DataInputStream in = new DataInputStream(socket.getInputStream());
        for (byte[] message : messages) {
            assertThat(in.readInt()).isEqualTo(message.length);
            byte[] echoed = new byte[message.length];
            in.readFully(echoed);
            assertThat(echoed).isEqualTo(message);
        }
        assertThat(socket.isConnected()).isTrue();
        assertThat(socket.getPort()).isEqualTo(server.getPort());
    }

    @Test
    void aReadTimesOutAndABrokenFrameFailsTheWrite() throws IOException {
        Socket socket = socketTo(echoServer(TransportOptions.defaults()));
        socket.setSoTimeout(200);
        assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        assertThatThrownBy(() -> socket.getOutputStream().write(new byte[] {1, 0, 0, 1}))
                .isInstanceOf(IOException.class).hasMessageContaining("framing");
    }

    @Test
    void afterCloseTheInputEnds() throws IOException {
        Socket socket = socketTo(echoServer(TransportOptions.defaults()));
        var in = socket.getInputStream();
        socket.close();
        assertThat(in.read()).isEqualTo(-1);
        assertThat(socket.isClosed()).isTrue();
    }
}
