package dev.smbq.transport.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.transport.support.TransportContract;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class MemoryTransportTest extends TransportContract {
    @Override
    protected String transportId() {
        return MemoryTransportProvider.ID;
    }

    @Test
    void asQuicTheChannelsSayQuic() {
        TransportOptions quic = TransportOptions.defaults().withBackendOption("kind", "quic");
        SmbChannel client = connect(echoServer(quic), quic);
        assertThat(client.info().kind()).isEqualTo(TransportKind.QUIC);
    }

    @Test
    void nobodyListeningIsAConnectError() {
        Assertions.assertThatThrownBy(() -> provider().connector(clientOptions())
                        .connect(new InetSocketAddress("127.0.0.1", 65000), "localhost").join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(ConnectException.class);
    }
}
