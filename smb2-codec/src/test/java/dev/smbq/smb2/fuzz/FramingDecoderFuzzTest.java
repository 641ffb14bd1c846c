package dev.smbq.smb2.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smbq.smb2.wire.DirectTcpFraming;
import java.nio.ByteBuffer;

/** Fuzzes the Direct TCP framing decoder with input cut at the first byte's value. */
class FramingDecoderFuzzTest {
    @FuzzTest(maxDuration = FuzzDuration.EACH)
    void fuzz(byte[] input) {
        DirectTcpFraming.Decoder decoder = new DirectTcpFraming.Decoder(1 << 16);
        int cut = input.length == 0 ? 0 : (input[0] & 0xFF) % input.length;
        FuzzTargets.onlyDecodeErrors(() -> {
            decoder.feed(ByteBuffer.wrap(input, 0, cut), message -> { });
            decoder.feed(ByteBuffer.wrap(input, cut, input.length - cut), message -> { });
        });
    }
}
