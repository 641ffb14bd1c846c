package dev.smbq.smb2.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smbq.smb2.codec.CompressionCodec;
import dev.smbq.smb2.codec.TransformCodec;
import dev.smbq.smb2.wire.Bytes;

/** Fuzzes the TRANSFORM_HEADER and COMPRESSION_TRANSFORM_HEADER decoders. */
class TransformDecoderFuzzTest {
    @FuzzTest(maxDuration = FuzzDuration.EACH)
    void fuzz(byte[] input) {
        FuzzTargets.onlyDecodeErrors(() -> TransformCodec.encode(TransformCodec.decode(Bytes.wrap(input))));
        FuzzTargets.onlyDecodeErrors(() -> CompressionCodec.encode(CompressionCodec.decode(Bytes.wrap(input))));
    }
}
