package dev.smbq.bench;

import dev.smbq.smb2.spec.CipherId;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bare AEADs under SMB encryption, on the same sizes as {@link SealingBenchmark}: the JDK's AES-GCM and
 * BouncyCastle's AES-CCM, each encrypting into a preallocated buffer with a 32-byte AAD. Their ratio to sealing is
 * the overhead of the SMB layer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PrimitiveAeadBenchmark extends BenchmarkJvm {
    @Param({"AES-128-GCM", "AES-256-GCM", "AES-128-CCM", "AES-256-CCM"})
    public String cipher;

    @Param({"4096", "65536", "1048576", "8388608"})
    public int size;

    private final byte[] aad = new byte[32];
    private byte[] plaintext;
    private byte[] output;
    private byte[] key;
    private long counter;
    private Cipher gcm;
    private CCMBlockCipher ccm;

    @Setup
    public void setUp() throws Exception {
        CipherId id = Ciphers.byName(cipher);
        key = new byte[Ciphers.keySize(id)];
        plaintext = new byte[size];
        new Random(1).nextBytes(plaintext);
        output = new byte[size + 16];
        gcm = Cipher.getInstance("AES/GCM/NoPadding");
        ccm = new CCMBlockCipher(AESEngine.newInstance());
    }

    private byte[] nextNonce(int length) {
        byte[] nonce = new byte[length];
        long value = counter++;
        for (int i = 0; i < 8; i++) {
            nonce[i] = (byte) (value >>> (8 * i));
        }
        return nonce;
    }

    @Benchmark
    public byte[] encrypt() throws Exception {
        if (Ciphers.isGcm(Ciphers.byName(cipher))) {
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nextNonce(12)));
            gcm.updateAAD(aad);
            gcm.doFinal(plaintext, 0, size, output, 0);
        } else {
            ccm.init(true, new AEADParameters(new KeyParameter(key), 128, nextNonce(11), aad));
            ccm.processPacket(plaintext, 0, size, output, 0);
        }
        return output;
    }
}
