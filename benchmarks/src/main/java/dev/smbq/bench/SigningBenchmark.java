package dev.smbq.bench;

import dev.smbq.smb2.crypto.JitWarmup;
import dev.smbq.smb2.crypto.Smb2Signer;
import dev.smbq.smb2.spec.SigningAlgorithm;
import dev.smbq.smb2.wire.Bytes;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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

/** SMB2 message signing and verification ([MS-SMB2] 3.1.4.1) per algorithm and message size. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SigningBenchmark extends BenchmarkJvm {
    @Param({"HMAC-SHA256", "AES-CMAC", "AES-GMAC"})
    public String algorithm;

    @Param({"4096", "65536", "1048576"})
    public int size;

    private byte[] message;
    private Smb2Signer signer;
    private long messageId;
    /**
     * Two signed messages taken in turn for verify: with one, AES-GMAC would see the same nonce every time, as only a
     * replay does, and build a fresh JDK cipher for each check.
     */
    private final byte[][] signed = new byte[2][];
    private int next;

    @Setup
    public void setUp() {
        JitWarmup.run(); // as servers and clients do when they start
        SigningAlgorithm id = SigningAlgorithm.names().all().entrySet().stream()
                .filter(entry -> entry.getValue().equals(algorithm)).map(entry -> new SigningAlgorithm(entry.getKey()))
                .findFirst().orElseThrow();
        signer = Smb2Signer.of(id, Bytes.wrap(new byte[16]));
        message = new byte[size];
        new Random(1).nextBytes(message);
        message[0] = (byte) 0xFE;
        for (int i = 0; i < signed.length; i++) {
            sign();
            signed[i] = message.clone();
            if (!signer.verify(signed[i], 0, size)) {
                throw new IllegalStateException("a freshly signed message does not verify");
            }
        }
    }

    @Benchmark
    public byte[] sign() {
        // a new MessageId each time, as on a real connection (AES-GMAC takes its nonce from it)
        long id = messageId++;
        for (int i = 0; i < 8; i++) {
            message[24 + i] = (byte) (id >>> (8 * i));
        }
        signer.sign(message, 0, size);
        return message;
    }

    @Benchmark
    public boolean verify() {
        next ^= 1;
        return signer.verify(signed[next], 0, size);
    }
}
