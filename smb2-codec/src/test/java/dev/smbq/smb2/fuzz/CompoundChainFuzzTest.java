package dev.smbq.smb2.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smbq.smb2.codec.CompoundChain;
import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.wire.Bytes;

/** Fuzzes compound-chain iteration and the decoding of each element. */
class CompoundChainFuzzTest {
    @FuzzTest(maxDuration = FuzzDuration.EACH)
    void fuzz(byte[] input) {
        FuzzTargets.onlyDecodeErrors(() -> {
            for (Bytes element : CompoundChain.split(Bytes.wrap(input))) {
                FuzzTargets.onlyDecodeErrors(() -> Smb2Codec.decode(element));
            }
        });
    }
}
