package dev.smbq.smb2.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smbq.smb2.auth.NtlmCodec;
import dev.smbq.smb2.auth.SpnegoToken;
import dev.smbq.smb2.wire.Bytes;

/** Fuzzes the NTLM message, AV pair and SPNEGO token decoders. */
class NtlmSpnegoDecoderFuzzTest {
    @FuzzTest(maxDuration = FuzzDuration.EACH)
    void fuzz(byte[] input) {
        FuzzTargets.onlyDecodeErrors(() -> NtlmCodec.encode(NtlmCodec.decodeNegotiate(Bytes.wrap(input))));
        FuzzTargets.onlyDecodeErrors(() -> NtlmCodec.encode(NtlmCodec.decodeChallenge(Bytes.wrap(input))));
        FuzzTargets.onlyDecodeErrors(() -> NtlmCodec.encode(NtlmCodec.decodeAuthenticate(Bytes.wrap(input))));
        FuzzTargets.onlyDecodeErrors(() -> NtlmCodec.decodeAvPairs(Bytes.wrap(input)));
        FuzzTargets.onlyDecodeErrors(() -> SpnegoToken.encode(SpnegoToken.decodeInit(input)));
        FuzzTargets.onlyDecodeErrors(() -> SpnegoToken.encode(SpnegoToken.decodeResp(input)));
    }
}
