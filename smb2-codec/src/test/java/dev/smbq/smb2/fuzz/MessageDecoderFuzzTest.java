package dev.smbq.smb2.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.wire.Bytes;

/** Fuzzes the SMB2 message decoder (header and every body codec), then re-encodes what decoded. */
class MessageDecoderFuzzTest {
    @FuzzTest(maxDuration = FuzzDuration.EACH)
    void fuzz(byte[] input) {
        FuzzTargets.onlyDecodeErrors(() -> {
            Smb2Message message = Smb2Codec.decode(Bytes.wrap(input));
            // whatever decodes must encode again without failing
            Smb2Codec.encode(message);
        });
    }
}
