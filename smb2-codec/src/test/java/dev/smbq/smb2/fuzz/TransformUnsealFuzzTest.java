package dev.smbq.smb2.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smbq.smb2.crypto.IntegrityCheckException;
import dev.smbq.smb2.crypto.TransformUnsealer;
import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.wire.Bytes;

/** Fuzzes unsealing with each cipher: arbitrary transforms may only fail their integrity check. */
class TransformUnsealFuzzTest {
    private static final TransformUnsealer[] UNSEALERS = {
            TransformUnsealer.of(CipherId.AES_128_GCM, Bytes.wrap(new byte[16]), 0),
            TransformUnsealer.of(CipherId.AES_128_CCM, Bytes.wrap(new byte[16]), 0),
            TransformUnsealer.of(CipherId.AES_256_GCM, Bytes.wrap(new byte[32]), 0),
            TransformUnsealer.of(CipherId.AES_256_CCM, Bytes.wrap(new byte[32]), 0)};

    @FuzzTest(maxDuration = FuzzDuration.EACH)
    void fuzz(byte[] input) {
        for (TransformUnsealer unsealer : UNSEALERS) {
            try {
                unsealer.unseal(Bytes.wrap(input));
            } catch (IntegrityCheckException expected) {
                // never plaintext from bytes that do not authenticate
            }
        }
    }
}
