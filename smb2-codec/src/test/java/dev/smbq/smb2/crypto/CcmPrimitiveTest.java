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
 * NIST SP 800-38C Appendix C examples 1 to 4 for the AES-CCM primitive under SMB encryption, both for {@link JdkCcm}
 * (what the project uses) and BouncyCastle (the reference); SMB itself always uses an 11-byte nonce and a 16-byte
 * tag, and the SMB-parameter cases are the V2, V6 and C1 session vectors.
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
        byte[] key = Bytes.fromHex("404142434445464748494a4b4c4d4e4f").toByteArray();
        byte[] input = Bytes.fromHex(plaintext).toByteArray();
        byte[] aadBytes = Bytes.fromHex(aad).toByteArray();
        byte[] out = new byte[input.length];
        byte[] tag = new JdkCcm(key, tagBits / 8).encrypt(Bytes.fromHex(nonce).toByteArray(), aadBytes, 0,
                aadBytes.length, input, 0, input.length, out, 0);
        assertThat(joined(out, tag)).isEqualTo(Bytes.fromHex(expected));
        byte[] back = new JdkCcm(key, tagBits / 8).decrypt(Bytes.fromHex(nonce).toByteArray(), Bytes.wrap(aadBytes),
                Bytes.wrap(out), tag);
        assertThat(back).isEqualTo(input);
        CCMBlockCipher ccm = new CCMBlockCipher(AESEngine.newInstance());
        ccm.init(true, new AEADParameters(new KeyParameter(Bytes.fromHex("404142434445464748494a4b4c4d4e4f").toByteArray()),
                tagBits, Bytes.fromHex(nonce).toByteArray(), Bytes.fromHex(aad).toByteArray()));
        byte[] output = new byte[ccm.getOutputSize(input.length)];
        ccm.processPacket(input, 0, input.length, output, 0);
        assertThat(Bytes.wrap(output)).isEqualTo(Bytes.fromHex(expected));
    }

    /** SP 800-38C C.4: a 2^16-byte AAD (the 6-byte length encoding), a 13-byte nonce, a 14-byte tag. */
    @org.junit.jupiter.api.Test
    void sp80038cExample4WithALongAad() throws Exception {
        byte[] aad = new byte[65536];
        for (int i = 0; i < aad.length; i++) {
            aad[i] = (byte) i;
        }
        byte[] input = Bytes.fromHex("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f").toByteArray();
        byte[] out = new byte[input.length];
        byte[] tag = new JdkCcm(Bytes.fromHex("404142434445464748494a4b4c4d4e4f").toByteArray(), 14).encrypt(
                Bytes.fromHex("101112131415161718191a1b1c").toByteArray(), aad, 0, aad.length, input, 0, input.length,
                out, 0);
        assertThat(joined(out, tag)).isEqualTo(Bytes.fromHex(
                "69915dad1e84c6376a68c2967e4dab615ae0fd1faec44cc484828529463ccf72b4ac6bec93e8598e7f0dadbcea5b"));
    }

    /** The JDK construction agrees with BouncyCastle on random keys, nonces, AADs and lengths around block edges. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 15, 16, 17, 31, 32, 33, 1000, 16 * 1024, 16 * 1024 + 7, 100_003})
    void agreesWithBouncyCastle(int length) throws Exception {
        java.util.Random random = new java.util.Random(length);
        for (int keySize : new int[] {16, 32}) {
            byte[] key = new byte[keySize];
            byte[] nonce = new byte[11];
            byte[] aad = new byte[random.nextInt(2) == 0 ? 32 : random.nextInt(300)];
            byte[] input = new byte[length];
            random.nextBytes(key);
            random.nextBytes(nonce);
            random.nextBytes(aad);
            random.nextBytes(input);
            byte[] out = new byte[length];
            byte[] tag = new JdkCcm(key, 16).encrypt(nonce, aad, 0, aad.length, input, 0, length, out, 0);
            CCMBlockCipher reference = new CCMBlockCipher(AESEngine.newInstance());
            reference.init(true, new AEADParameters(new KeyParameter(key), 128, nonce, aad));
            byte[] expected = new byte[length + 16];
            reference.processPacket(input, 0, length, expected, 0);
            assertThat(joined(out, tag)).isEqualTo(Bytes.wrap(expected));
        }
    }

    @org.junit.jupiter.api.Test
    void aChangedByteAnywhereFailsAndReleasesNothing() throws Exception {
        byte[] key = new byte[16];
        byte[] nonce = new byte[11];
        byte[] aad = new byte[32];
        byte[] input = "attack at dawn, bring snacks".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = new byte[input.length];
        JdkCcm ccm = new JdkCcm(key, 16);
        byte[] tag = ccm.encrypt(nonce, aad, 0, aad.length, input, 0, input.length, out, 0);
        byte[][] tampered = {out.clone(), aad.clone(), tag.clone()};
        tampered[0][3] ^= 1;
        tampered[1][31] ^= 1;
        tampered[2][15] ^= 1;
        for (int which = 0; which < 3; which++) {
            byte[] ciphertext = which == 0 ? tampered[0] : out;
            byte[] associated = which == 1 ? tampered[1] : aad;
            byte[] checkTag = which == 2 ? tampered[2] : tag;
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ccm.decrypt(nonce, Bytes.wrap(associated),
                    Bytes.wrap(ciphertext), checkTag)).isInstanceOf(javax.crypto.AEADBadTagException.class);
        }
        assertThat(ccm.decrypt(nonce, Bytes.wrap(aad), Bytes.wrap(out), tag)).isEqualTo(input);
    }

    private static Bytes joined(byte[] ciphertext, byte[] tag) {
        byte[] all = java.util.Arrays.copyOf(ciphertext, ciphertext.length + tag.length);
        System.arraycopy(tag, 0, all, ciphertext.length, tag.length);
        return Bytes.wrap(all);
    }
}
