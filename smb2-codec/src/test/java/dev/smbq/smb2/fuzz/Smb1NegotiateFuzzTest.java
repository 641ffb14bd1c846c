package dev.smbq.smb2.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smbq.smb2.codec.Smb1NegotiateCodec;
import dev.smbq.smb2.wire.Bytes;

/** Fuzzes the SMB1 multi-protocol NEGOTIATE decoder. */
class Smb1NegotiateFuzzTest {
    @FuzzTest(maxDuration = FuzzDuration.EACH)
    void fuzz(byte[] input) {
        FuzzTargets.onlyDecodeErrors(() -> Smb1NegotiateCodec.decode(Bytes.wrap(input)));
    }
}
