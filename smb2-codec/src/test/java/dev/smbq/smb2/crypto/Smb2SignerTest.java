package dev.smbq.smb2.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.Vectors;
import dev.smbq.smb2.codec.CompoundChain;
import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.message.EchoRequest;
import dev.smbq.smb2.message.FileId;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.message.WriteRequest;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.SigningAlgorithm;
import dev.smbq.smb2.wire.Bytes;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Smb2SignerTest {
    private static final Bytes V1_SIGNING_KEY = Bytes.fromHex("8765949DFEAEE105CE9118B45BE988F0");

    private static byte[] withSignature(byte[] message, String signature) {
        byte[] copy = message.clone();
        System.arraycopy(Bytes.fromHex(signature).toByteArray(), 0, copy, 48, 16);
        return copy;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "v1-session-setup-response-final, 8765949DFEAEE105CE9118B45BE988F0, 6B85A4519A0F3EEA35BA946DD3AFE6B8",
            "v2-session-setup-response-final, 3DCC82C5795AE27F383242761078C59B, 3676196AEE8CA17E5D50A53642EF2BE4",
            "v3-session-setup-response-final, 73FE7A9A77BEF0BDE49C650D8CCB5F76, EBE146DA120BA25FC3376A49DFE31BC1",
            "v4-session-setup-response-final, C962BCA1A9DD1697B030644199705431, 8D604217FFBACF40635BF9D872992150"})
    void aesCmacReproducesTheFinalSessionSetupSignatures(String vector, String key, String signature) {
        byte[] message = Vectors.load(vector);
        Smb2Signer signer = Smb2Signer.of(SigningAlgorithm.AES_CMAC, Bytes.fromHex(key));
        assertThat(signer.verify(message, 0, message.length)).isTrue();
        byte[] resigned = message.clone();
        signer.sign(resigned, 0, resigned.length);
        assertThat(Bytes.wrap(resigned).slice(48, 16)).isEqualTo(Bytes.fromHex(signature));
        assertThat(resigned).isEqualTo(message);
    }

    @Test
    void v4BindingRequestsAreSignedWithTheMasterKey() {
        Smb2Signer master = Smb2Signer.of(SigningAlgorithm.AES_CMAC, Bytes.fromHex("73FE7A9A77BEF0BDE49C650D8CCB5F76"));
        for (String vector : List.of("v4-session-setup-request-1", "v4-session-setup-response-1",
                "v4-session-setup-request-2")) {
            byte[] message = Vectors.load(vector);
            assertThat(master.verify(message, 0, message.length)).as(vector).isTrue();
        }
    }

    @Test
    void c1AesGmacSignaturesWithRoleInTheNonce() {
        Smb2Signer gmac = Smb2Signer.of(SigningAlgorithm.AES_GMAC, V1_SIGNING_KEY);
        byte[] response = withSignature(Vectors.load("v1-session-setup-response-final"), "42FE89B1890DE0AADF2117AC042B355B");
        assertThat(Smb2Signer.gmacNonce(response, 0)).isEqualTo(Bytes.fromHex("020000000000000001000000").toByteArray());
        assertThat(gmac.verify(response, 0, response.length)).isTrue();

        byte[] write = withSignature(Vectors.load("v1-write-request-plaintext"), "32E8C1C0D814298BB009899649850D92");
        assertThat(Smb2Signer.gmacNonce(write, 0)).isEqualTo(Bytes.fromHex("050000000000000000000000").toByteArray());
        assertThat(gmac.verify(write, 0, write.length)).isTrue();

        byte[] cmacSigned = withSignature(Vectors.load("v1-write-request-plaintext"), "18C21921ACA28A77787C6670F20C9817");
        assertThat(Smb2Signer.of(SigningAlgorithm.AES_CMAC, V1_SIGNING_KEY).verify(cmacSigned, 0, cmacSigned.length))
                .isTrue();
    }

    @Test
    void aCancelRequestGetsTheCancelBitInItsGmacNonce() {
        byte[] cancel = dev.smbq.smb2.codec.Smb2Codec.encode(new Smb2Message(
                Smb2Header.request(Command.CANCEL, 9), new dev.smbq.smb2.message.CancelRequest()));
        assertThat(Smb2Signer.gmacNonce(cancel, 0)).isEqualTo(Bytes.fromHex("090000000000000002000000").toByteArray());
    }

    @ParameterizedTest
    @CsvSource({"HMAC_SHA256", "AES_CMAC", "AES_GMAC"})
    void anyChangedBitFailsVerification(String name) {
        SigningAlgorithm algorithm = algorithm(name);
        Smb2Signer signer = Smb2Signer.of(algorithm, V1_SIGNING_KEY);
        byte[] message = signedWriteRequest(signer);
        assertThat(signer.verify(message, 0, message.length)).isTrue();
        for (int bit : new int[] {0, 8 * 20, 8 * 48, 8 * 63 + 7, 8 * 100, 8 * message.length - 1}) {
            byte[] tampered = message.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(signer.verify(tampered, 0, tampered.length)).as("bit " + bit).isFalse();
        }
        Smb2Signer otherKey = Smb2Signer.of(algorithm, Bytes.fromHex("00".repeat(16)));
        assertThat(otherKey.verify(message, 0, message.length)).isFalse();
    }

    /** A WRITE signed in two pieces (header and fixed part, then the data) carries the signature of the whole. */
    @ParameterizedTest
    @CsvSource({"HMAC_SHA256", "AES_CMAC", "AES_GMAC"})
    void aWriteSignedInPiecesMatchesTheWholeMessage(String name) {
        Smb2Signer signer = Smb2Signer.of(algorithm(name), V1_SIGNING_KEY);
        byte[] data = new byte[70_000];
        new java.util.Random(5).nextBytes(data);
        Smb2Header header = Smb2Header.request(Command.WRITE, 9).withSession(0x1234, 5);
        WriteRequest write = new WriteRequest(4096, new FileId(1, 2), 0, 0, 0, Bytes.wrap(data), Bytes.EMPTY);
        byte[] whole = Smb2Codec.encode(new Smb2Message(header, write));
        signer.sign(whole, 0, whole.length);
        byte[] head = Smb2Codec.encodeWriteHead(header, write);
        signer.signPieces(head, write.data());
        assertThat(Bytes.concat(List.of(Bytes.wrap(head), write.data()))).isEqualTo(Bytes.wrap(whole));
        assertThat(signer.verify(Bytes.wrap(whole))).isTrue();
    }

    /** The V1 vector's WRITE request, signed by {@code signer}. */
    private static byte[] signedWriteRequest(Smb2Signer signer) {
        byte[] message = Vectors.load("v1-write-request-plaintext");
        signer.sign(message, 0, message.length);
        return message;
    }

    private static SigningAlgorithm algorithm(String name) {
        return name.equals("HMAC_SHA256") ? SigningAlgorithm.HMAC_SHA256
                : name.equals("AES_CMAC") ? SigningAlgorithm.AES_CMAC : SigningAlgorithm.AES_GMAC;
    }

    @Test
    void eachElementOfACompoundChainIsSignedWithItsPadding() {
        byte[] chain = CompoundChain.encode(List.of(
                new Smb2Message(Smb2Header.request(Command.ECHO, 1), new EchoRequest()),
                new Smb2Message(Smb2Header.request(Command.ECHO, 2), new EchoRequest())));
        Smb2Signer signer = Smb2Signer.of(SigningAlgorithm.AES_CMAC, V1_SIGNING_KEY);
        signer.signChain(chain);
        List<Bytes> elements = CompoundChain.split(Bytes.wrap(chain));
        assertThat(elements.get(0).length()).isEqualTo(72);
        assertThat(signer.verify(chain, 0, 72)).isTrue();
        assertThat(signer.verify(chain, 72, chain.length - 72)).isTrue();
        assertThat(signer.verifyChain(chain, false)).isTrue();
        chain[70] ^= 1; // a padding byte of the first element
        assertThat(signer.verify(chain, 0, 72)).isFalse();
        assertThat(signer.verifyChain(chain, false)).isFalse();
    }

    @Test
    void messagesThatArrivedEncryptedAreNotSignatureChecked() {
        // the V1 WRITE request has SMB2_FLAGS_SIGNED set and a zero Signature, as Windows encrypts it
        byte[] write = Vectors.load("v1-write-request-plaintext");
        Smb2Signer signer = Smb2Signer.of(SigningAlgorithm.AES_CMAC, V1_SIGNING_KEY);
        assertThat(signer.verifyChain(write, false)).isFalse();
        assertThat(signer.verifyChain(write, true)).isTrue();
    }

    /** Verification only reads: a received message is checked where it lies, also as a slice of a larger array. */
    @ParameterizedTest
    @CsvSource({"HMAC_SHA256", "AES_CMAC", "AES_GMAC"})
    void verificationLeavesTheMessageAsItWas(String name) {
        SigningAlgorithm algorithm = algorithm(name);
        Smb2Signer signer = Smb2Signer.of(algorithm, V1_SIGNING_KEY);
        byte[] message = signedWriteRequest(signer);
        byte[] around = new byte[message.length + 10];
        System.arraycopy(message, 0, around, 3, message.length);
        byte[] before = around.clone();
        assertThat(signer.verify(around, 3, message.length)).isTrue();
        assertThat(signer.verify(Bytes.wrap(around).slice(3, message.length))).isTrue();
        assertThat(Smb2Signer.of(algorithm, Bytes.fromHex("00".repeat(16))).verify(around, 3, message.length)).isFalse();
        assertThat(around).isEqualTo(before);
    }

    /**
     * The streamed GMAC agrees with the JDK's GCM given the same bytes as authenticated data, around block edges,
     * across its 64 KiB pieces, at an offset, with and without a header-sized prefix, and twice on one instance.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 15, 16, 17, 48, 100, 65_535, 65_536, 65_537,
            1 << 20, (1 << 20) + 7})
    void jdkGmacAgreesWithTheJdksGcm(int length) throws Exception {
        java.util.Random random = new java.util.Random(length);
        byte[] key = new byte[16];
        byte[] nonce = new byte[12];
        byte[] prefix = new byte[64];
        byte[] buffer = new byte[length + 5];
        random.nextBytes(key);
        random.nextBytes(nonce);
        random.nextBytes(prefix);
        random.nextBytes(buffer);
        javax.crypto.Cipher gcm = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        gcm.updateAAD(buffer, 5, length);
        byte[] withoutPrefix = gcm.doFinal();
        JdkGmac gmac = new JdkGmac(key);
        assertThat(gmac.mac(nonce, new byte[0], buffer, 5, length)).isEqualTo(withoutPrefix);
        assertThat(gmac.mac(nonce, new byte[0], buffer, 5, length)).as("again, same nonce").isEqualTo(withoutPrefix);
        gcm = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        gcm.updateAAD(prefix);
        gcm.updateAAD(buffer, 5, length);
        assertThat(gmac.mac(nonce, prefix, buffer, 5, length)).as("with a prefix").isEqualTo(gcm.doFinal());
    }

    /** GF(2^128) in GCM's bit order: 1 (the leftmost bit) is the unit, and x times x^127 wraps to R = 0xE1... */
    @Test
    void gcmFieldMultiplication() {
        long one = 0x8000000000000000L;
        assertThat(JdkGmac.multiply(one, 0, 0x0123456789ABCDEFL, 0x0FEDCBA987654321L))
                .containsExactly(0x0123456789ABCDEFL, 0x0FEDCBA987654321L);
        assertThat(JdkGmac.multiply(0x4000000000000000L, 0, 0, 1)).containsExactly(0xE100000000000000L, 0);
        assertThat(JdkGmac.multiply(0, 0, 0x0123456789ABCDEFL, 1)).containsExactly(0, 0);
    }

    /** RFC 4493 section 4: the AES-CMAC primitive the signer builds on, and BouncyCastle's as the reference. */
    @ParameterizedTest
    @CsvSource({
            "'', bb1d6929e95937287fa37d129b756746",
            "6bc1bee22e409f96e93d7e117393172a, 070a16b46b4d4144f79bdd9dd04a287c",
            "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411, dfa66747de9ae63030ca32611497c827",
            "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710, 51f0bebf7e3b9d92fc49741779363cfe"})
    void rfc4493AesCmac(String message, String mac) throws Exception {
        byte[] key = Bytes.fromHex("2b7e151628aed2a6abf7158809cf4f3c").toByteArray();
        byte[] bytes = Bytes.fromHex(message).toByteArray();
        assertThat(Bytes.wrap(new JdkCmac(key).mac(bytes, 0, bytes.length))).isEqualTo(Bytes.fromHex(mac));
        CMac cmac = new CMac(AESEngine.newInstance());
        cmac.init(new KeyParameter(Bytes.fromHex("2b7e151628aed2a6abf7158809cf4f3c").toByteArray()));
        byte[] input = Bytes.fromHex(message).toByteArray();
        cmac.update(input, 0, input.length);
        byte[] out = new byte[16];
        cmac.doFinal(out, 0);
        assertThat(Bytes.wrap(out)).isEqualTo(Bytes.fromHex(mac));
        assertThat(Arrays.equals(out, new byte[16])).isFalse();
    }

    /** The JDK construction agrees with BouncyCastle around block edges, at an offset, and past a 4 KiB piece. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 15, 16, 17, 32, 33, 64, 65, 80, 4095, 4096, 4097, 4112,
            100_001})
    void jdkCmacAgreesWithBouncyCastle(int length) throws Exception {
        java.util.Random random = new java.util.Random(length);
        byte[] key = new byte[16];
        byte[] buffer = new byte[length + 7];
        random.nextBytes(key);
        random.nextBytes(buffer);
        CMac reference = new CMac(AESEngine.newInstance());
        reference.init(new KeyParameter(key));
        reference.update(buffer, 7, length);
        byte[] expected = new byte[16];
        reference.doFinal(expected, 0);
        JdkCmac cmac = new JdkCmac(key);
        assertThat(cmac.mac(buffer, 7, length)).isEqualTo(expected);
        assertThat(cmac.mac(buffer, 7, length)).as("again, same instance").isEqualTo(expected);
        if (length >= 64) {
            byte[] header = Arrays.copyOfRange(buffer, 7, 7 + 64);
            assertThat(cmac.mac(header, buffer, 7 + 64, length - 64)).as("a 64-byte prefix, then the rest")
                    .isEqualTo(expected);
        }
    }
}
