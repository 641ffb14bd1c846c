package dev.smbq.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.wire.DirectTcpFraming;
import dev.smbq.transport.support.TransportContract;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TcpTransportTest extends TransportContract {
    @Override
    protected String transportId() {
        return TcpTransportProvider.ID;
    }

    /** A peer that writes its frames in random pieces, with pauses between them, still gets whole messages back. */
    @Test
    void framesWrittenInRandomPiecesArriveWhole() throws Exception {
        InetSocketAddress server = echoServer(serverOptions());
        Random random = new Random(3);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        int[] sizes = {1, 100, 70000, 1 << 20, 5};
        byte[][] messages = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            messages[i] = new byte[sizes[i]];
            random.nextBytes(messages[i]);
            stream.writeBytes(DirectTcpFraming.frame(messages[i]));
        }
        byte[] bytes = stream.toByteArray();
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            for (int position = 0; position < bytes.length; ) {
                int piece = Math.min(bytes.length - position, 1 + random.nextInt(random.nextBoolean() ? 7 : 40000));
                out.write(bytes, position, piece);
                out.flush();
                position += piece;
                if (random.nextInt(10) == 0) {
                    Thread.sleep(2);
                }
            }
            DataInputStream in = new DataInputStream(socket.getInputStream());
            for (byte[] message : messages) {
                int length = in.readInt();
                byte[] echoed = new byte[length];
                in.readFully(echoed);
                assertThat(echoed).isEqualTo(message);
            }
        }
    }
}
