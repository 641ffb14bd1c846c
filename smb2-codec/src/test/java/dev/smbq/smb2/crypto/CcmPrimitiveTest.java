package dev.smbq.smb2.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.wire.Bytes;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NIST SP 800-38C Appendix C examples 1 to 3 for the AES-CCM primitive under SMB encryption (SMB itself always
 * uses an 11-byte nonce and a 16-byte tag; the SMB-parameter cases are the V2, V6 and C1 session vectors).
 */
class CcmPrimitiveTest {
    @ParameterizedTest
    @CsvSource({
            "32, 10111213141516, 0001020304050607, 20212223, 7162015b4dac255d",
            "48, 1011121314151617, 000102030405060708090a0b0c0d0e0f, 202122232425262728292a2b2c2d2e2f,"
                    + " d2a1f0e051ea5f62081a7792073d593d1fc64fbfaccd",
            "64, 101112131415161718191a1b, 000102030405060708090a0b0c0d0e0f10111213,"
                    + " 202122232425262728292a2b2c2d2e2f3031323334353637,"
                    + " e3b201a9f5b71a7a9b1ceaeccd97e70b6176aad9a4428aa5484392fbc1b09951"})
    void sp80038cExamples(int tagBits, String nonce, String aad, String plaintext, String expected) throws Exception {
        CCMBlockCipher ccm = new CCMBlockCipher(AESEngine.newInstance());
        ccm.init(true, new AEADParameters(new KeyParameter(Bytes.fromHex("404142434445464748494a4b4c4d4e4f").toByteArray()),
                tagBits, Bytes.fromHex(nonce).toByteArray(), Bytes.fromHex(aad).toByteArray()));
        byte[] input = Bytes.fromHex(plaintext).toByteArray();
        byte[] output = new byte[ccm.getOutputSize(input.length)];
        ccm.processPacket(input, 0, input.length, output, 0);
        assertThat(Bytes.wrap(output)).isEqualTo(Bytes.fromHex(expected));
    }
}
