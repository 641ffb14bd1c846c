package dev.smbq.smb2.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class DirectTcpFramingTest {
    @RepeatedTest(20)
    void reassemblesMessagesCutAtRandomPlaces(org.junit.jupiter.api.RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<byte[]> sent = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 30; i++) {
            byte[] message = new byte[1 + random.nextInt(5000)];
            random.nextBytes(message);
            sent.add(message);
            stream.writeBytes(DirectTcpFraming.frame(message));
        }
        byte[] bytes = stream.toByteArray();
        DirectTcpFraming.Decoder decoder = new DirectTcpFraming.Decoder(8192);
        List<byte[]> received = new ArrayList<>();
        int position = 0;
        while (position < bytes.length) {
            int piece = Math.min(bytes.length - position, random.nextInt(3) == 0 ? 1 : random.nextInt(9000));
            decoder.feed(ByteBuffer.wrap(bytes, position, piece), received::add);
            position += piece;
        }
        assertThat(received).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            assertThat(received.get(i)).isEqualTo(sent.get(i));
        }
        assertThat(decoder.isIdle()).isTrue();
    }

    @Test
    void headerIsZeroThen24BitBigEndianLength() {
        byte[] framed = DirectTcpFraming.frame(new byte[0x012345]);
        assertThat(framed).startsWith(0x00, 0x01, 0x23, 0x45);
    }

    @Test
    void rejectsBadHeadersBeforeBuffering() {
        assertDisconnect(new byte[] {1, 0, 0, 64});
        assertDisconnect(new byte[] {0, 0, 0, 0});
        assertDisconnect(new byte[] {0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        assertDisconnect(new byte[] {0, 0, 0x10, 0x01}); // one byte over the 4096 maximum
    }

    private static void assertDisconnect(byte[] header) {
        DirectTcpFraming.Decoder decoder = new DirectTcpFraming.Decoder(4096);
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(header), message -> { }))
                .isInstanceOfSatisfying(SmbDecodeException.class,
                        e -> assertThat(e.action()).isEqualTo(DecodeAction.DISCONNECT));
    }
}
