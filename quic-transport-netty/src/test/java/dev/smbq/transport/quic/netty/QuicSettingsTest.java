package dev.smbq.transport.quic.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.transport.TransportOptions;
import org.junit.jupiter.api.Test;

class QuicSettingsTest {
    private static QuicSettings withDatagrams(int size) {
        return new QuicSettings(TransportOptions.defaults().withBackendOption("datagram-size", String.valueOf(size)));
    }

    @Test
    void aSegmentedSendNeverExceedsTheLargestUdpPayload() {
        // beyond 65507 bytes in one segmented send the kernel answers EMSGSIZE and every datagram in it is lost
        assertThat(withDatagrams(1350).segmentsPerSend()).isEqualTo(10);
        assertThat(withDatagrams(16000).segmentsPerSend()).isEqualTo(4);
        assertThat(withDatagrams(65000).segmentsPerSend()).isEqualTo(1);
        for (int size : new int[] {1200, 1350, 9000, 16000, 32000, 65000}) {
            assertThat(withDatagrams(size).segmentsPerSend() * size).isLessThanOrEqualTo(65507);
        }
    }
}
