package dev.smbq.smb2.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbq.smb2.Vectors;
import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.wire.Bytes;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransformSealingTest {
    private static final long V1_SESSION = 0x100000000025L;
    private static final long V2_SESSION = 0x100000000021L;
    private static final long V6_SESSION = 0x8E40014000011L;

    private static byte[] nonceField(String hex) {
        return java.util.Arrays.copyOf(Bytes.fromHex(hex).toByteArray(), 16);
    }

    private static TransformSealer sealer(CipherId cipher, String key) {
        return TransformSealer.of(cipher, Bytes.fromHex(key));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "v1, write-request, AES_128_GCM, A2F5E80E5D59103034F32E52F698E5EC, C7D6822D269CAF48904C664C",
            "v1, read-request, AES_128_GCM, A2F5E80E5D59103034F32E52F698E5EC, D7AA8C6D36859243B715E0A6",
            "v2, write-request, AES_128_CCM, DFAAA31AAE40A2485D47AC4DF09FDA1D, 9F6F1EAAD7E9F24AACD38F",
            "v2, read-request, AES_128_CCM, DFAAA31AAE40A2485D47AC4DF09FDA1D, A0F92E964EDC3049B86E19"})
    void sealingReproducesTheClientRequests(String session, String message, String cipher, String key, String nonce) {
        byte[] plaintext = Vectors.load(session + "-" + message + "-plaintext");
        long sessionId = session.equals("v1") ? V1_SESSION : V2_SESSION;
        Bytes sealed = sealer(cipherOf(cipher), key).seal(plaintext, 0, plaintext.length, sessionId, nonceField(nonce));
        assertThat(sealed.toByteArray()).isEqualTo(Vectors.load(session + "-" + message + "-transform"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "v1, write-response, AES_128_GCM, 748C50868C90F302962A5C35F5F9A8BF",
            "v1, read-response, AES_128_GCM, 748C50868C90F302962A5C35F5F9A8BF",
            "v2, write-response, AES_128_CCM, 95C544AEF6072680DA1CE49A68A97FA6",
            "v2, read-response, AES_128_CCM, 95C544AEF6072680DA1CE49A68A97FA6",
            "v1, write-request, AES_128_GCM, A2F5E80E5D59103034F32E52F698E5EC",
            "v2, read-request, AES_128_CCM, DFAAA31AAE40A2485D47AC4DF09FDA1D"})
    void unsealingRecoversThePlaintexts(String session, String message, String cipher, String key)
            throws IntegrityCheckException {
        long sessionId = session.equals("v1") ? V1_SESSION : V2_SESSION;
        TransformUnsealer unsealer = TransformUnsealer.of(cipherOf(cipher), Bytes.fromHex(key), sessionId);
        Bytes plaintext = unsealer.unseal(Bytes.wrap(Vectors.load(session + "-" + message + "-transform")));
        assertThat(plaintext.toByteArray()).isEqualTo(Vectors.load(session + "-" + message + "-plaintext"));
    }

    @Test
    void v6Smb30CcmUsesElevenOfTheSixteenNonceBytesButAuthenticatesAll() throws IntegrityCheckException {
        byte[] plaintext = Vectors.load("v6-write-request-plaintext");
        Bytes sealed = sealer(CipherId.AES_128_CCM, "261B72350558F2E9DCF613070383EDBF")
                .seal(plaintext, 0, plaintext.length, V6_SESSION, nonceField("66E69A111892584FB5ED524A744DA3EE"));
        assertThat(sealed.toByteArray()).isEqualTo(Vectors.load("v6-write-request-transform"));
        TransformUnsealer client = TransformUnsealer.of(CipherId.AES_128_CCM,
                Bytes.fromHex("8FE2B57EC34D2DB5B1A9727F526BBDB5"), V6_SESSION);
        assertThat(client.unseal(Bytes.wrap(Vectors.load("v6-write-response-transform"))).toByteArray())
                .isEqualTo(Vectors.load("v6-write-response-plaintext"));
    }

    @ParameterizedTest
    @CsvSource({
            "AES_256_GCM, c1-aes256gcm-write-request-transform, C7D6822D269CAF48904C664C",
            "AES_256_CCM, c1-aes256ccm-write-request-transform, C7D6822D269CAF48904C66"})
    void c1Aes256(String cipher, String vector, String nonce) throws IntegrityCheckException {
        String key = "CB61EB110446FBCAEB6A83BEEDB92779130B833A706E5B3495879D52195B90ED";
        byte[] plaintext = Vectors.load("v1-write-request-plaintext");
        Bytes sealed = sealer(cipherOf(cipher), key).seal(plaintext, 0, plaintext.length, V1_SESSION, nonceField(nonce));
        assertThat(sealed.toByteArray()).isEqualTo(Vectors.load(vector));
        assertThat(TransformUnsealer.of(cipherOf(cipher), Bytes.fromHex(key), V1_SESSION).unseal(sealed).toByteArray())
                .isEqualTo(plaintext);
    }

    @ParameterizedTest
    @CsvSource({"AES_128_GCM", "AES_128_CCM", "AES_256_GCM", "AES_256_CCM"})
    void tamperingAnywhereIsAnIntegrityError(String name) throws IntegrityCheckException {
        CipherId cipher = cipherOf(name);
        Bytes key = Bytes.wrap(new byte[cipher.code() >= 3 ? 32 : 16]);
        byte[] plaintext = Vectors.load("v1-write-request-plaintext");
        byte[] sealed = TransformSealer.of(cipher, key).seal(plaintext, 0, plaintext.length, V1_SESSION).toByteArray();
        TransformUnsealer unsealer = TransformUnsealer.of(cipher, key, V1_SESSION);
        assertThat(unsealer.unseal(Bytes.wrap(sealed)).toByteArray()).isEqualTo(plaintext);
        // tag, nonce (used part and reserved part), OriginalMessageSize, Flags, SessionId, ciphertext
        for (int index : new int[] {4, 19, 20, 35, 42, 44, 51, 52, sealed.length - 1}) {
            byte[] tampered = sealed.clone();
            tampered[index] ^= 0x01;
            // a fresh unsealer each time: the tag must catch it, not the rule against a repeated nonce
            assertThatThrownBy(() -> TransformUnsealer.of(cipher, key, V1_SESSION).unseal(Bytes.wrap(tampered)))
                    .as("byte " + index).isInstanceOf(IntegrityCheckException.class);
        }
        assertThatThrownBy(() -> unsealer.unseal(Bytes.wrap(sealed))).as("the same message again")
                .isInstanceOf(IntegrityCheckException.class).hasMessageContaining("replay");
        Bytes otherKey = Bytes.wrap(new byte[key.length()]).slice(0, key.length());
        byte[] wrongKey = otherKey.toByteArray();
        wrongKey[0] = 1;
        assertThatThrownBy(() -> TransformUnsealer.of(cipher, Bytes.wrap(wrongKey), V1_SESSION).unseal(Bytes.wrap(sealed)))
                .isInstanceOf(IntegrityCheckException.class);
        assertThatThrownBy(() -> TransformUnsealer.of(cipher, key, V1_SESSION + 1).unseal(Bytes.wrap(sealed)))
                .isInstanceOf(IntegrityCheckException.class);
        assertThatThrownBy(() -> unsealer.unseal(Bytes.wrap(java.util.Arrays.copyOf(sealed, 60))))
                .isInstanceOf(IntegrityCheckException.class);
        assertThatThrownBy(() -> unsealer.unseal(Bytes.wrap(java.util.Arrays.copyOf(sealed, 20))))
                .isInstanceOf(IntegrityCheckException.class);
    }

    @Test
    void noncesComeFromACounterAndNeverRepeat() {
        TransformSealer sealer = TransformSealer.of(CipherId.AES_128_GCM, Bytes.wrap(new byte[16]));
        byte[] plaintext = {1, 2, 3};
        Bytes first = sealer.seal(plaintext, 0, 3, 1).slice(20, 16);
        Bytes second = sealer.seal(plaintext, 0, 3, 1).slice(20, 16);
        assertThat(first).isEqualTo(Bytes.fromHex("00000000000000000000000000000000"));
        assertThat(second).isEqualTo(Bytes.fromHex("01000000000000000000000000000000"));
    }

    @Test
    void aKeyWhoseNonceSpaceIsSpentIsRefused() {
        TransformSealer sealer = TransformSealer.startingAt(CipherId.AES_128_CCM, Bytes.wrap(new byte[16]), -2L);
        byte[] plaintext = {1};
        sealer.seal(plaintext, 0, 1, 1); // the last nonce: 2^64 - 2
        assertThatThrownBy(() -> sealer.seal(plaintext, 0, 1, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exhausted");
        assertThatThrownBy(() -> sealer.seal(plaintext, 0, 1, 1)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @CsvSource({"AES_128_GCM", "AES_128_CCM", "AES_256_GCM", "AES_256_CCM"})
    void eightMebibyteMessagesRoundTrip(String name) throws IntegrityCheckException {
        CipherId cipher = cipherOf(name);
        Bytes key = Bytes.wrap(new byte[cipher.code() >= 3 ? 32 : 16]);
        byte[] large = new byte[8 * 1024 * 1024];
        new Random(7).nextBytes(large);
        Bytes sealed = TransformSealer.of(cipher, key).seal(large, 0, large.length, 5);
        assertThat(sealed.length()).isEqualTo(52 + large.length);
        assertThat(TransformUnsealer.of(cipher, key, 5).unseal(sealed).toByteArray()).isEqualTo(large);
    }

    @Test
    void aCompoundChainIsSealedAsOneMessage() throws IntegrityCheckException {
        byte[] chain = dev.smbq.smb2.codec.CompoundChain.encode(java.util.List.of(
                new dev.smbq.smb2.message.Smb2Message(dev.smbq.smb2.message.Smb2Header.request(
                        dev.smbq.smb2.spec.Command.ECHO, 1), new dev.smbq.smb2.message.EchoRequest()),
                new dev.smbq.smb2.message.Smb2Message(dev.smbq.smb2.message.Smb2Header.request(
                        dev.smbq.smb2.spec.Command.ECHO, 2), new dev.smbq.smb2.message.EchoRequest())));
        Bytes key = Bytes.wrap(new byte[16]);
        Bytes sealed = TransformSealer.of(CipherId.AES_128_GCM, key).seal(chain, 0, chain.length, 9);
        Bytes opened = TransformUnsealer.of(CipherId.AES_128_GCM, key, 9).unseal(sealed);
        assertThat(dev.smbq.smb2.codec.CompoundChain.split(opened)).hasSize(2);
    }

    /** The GCM primitive: McGrew and Viega, "The Galois/Counter Mode of Operation", test case 4 (AAD, 60 bytes). */
    @Test
    void gcmSpecificationTestCase4() throws Exception {
        Aead gcm = Aead.of(CipherId.AES_128_GCM, Bytes.fromHex("feffe9928665731c6d6a8f9467308308").toByteArray());
        byte[] plaintext = Bytes.fromHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39").toByteArray();
        byte[] aad = Bytes.fromHex("feedfacedeadbeeffeedfacedeadbeefabaddad2").toByteArray();
        byte[] out = new byte[plaintext.length + 16];
        byte[] tag = gcm.encrypt(Bytes.fromHex("cafebabefacedbaddecaf888").toByteArray(), aad, 0, aad.length,
                plaintext, 0, plaintext.length, out, 0);
        assertThat(Bytes.wrap(out, 0, plaintext.length)).isEqualTo(Bytes.fromHex(
                "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                        + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091"));
        assertThat(Bytes.wrap(tag)).isEqualTo(Bytes.fromHex("5bc94fbc3221a5db94fae95ae7121a47"));
    }

    private static CipherId cipherOf(String name) {
        return switch (name) {
            case "AES_128_CCM" -> CipherId.AES_128_CCM;
            case "AES_128_GCM" -> CipherId.AES_128_GCM;
            case "AES_256_CCM" -> CipherId.AES_256_CCM;
            default -> CipherId.AES_256_GCM;
        };
    }
}
