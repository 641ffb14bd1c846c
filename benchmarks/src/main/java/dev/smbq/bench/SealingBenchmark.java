package dev.smbq.bench;

import dev.smbq.smb2.crypto.IntegrityCheckException;
import dev.smbq.smb2.crypto.JitWarmup;
import dev.smbq.smb2.crypto.TransformSealer;
import dev.smbq.smb2.crypto.TransformUnsealer;
import dev.smbq.smb2.spec.CipherId;
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

/**
 * SMB 3.x sealing and unsealing (TRANSFORM_HEADER, [MS-SMB2] 3.1.4.3) per cipher and message size. Throughput is
 * operations per second; multiply by the size for bytes per second. Compare with {@link PrimitiveAeadBenchmark},
 * which runs the bare AEAD on the same sizes, to see what the SMB framing costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SealingBenchmark extends BenchmarkJvm {
    @Param({"AES-128-GCM", "AES-256-GCM", "AES-128-CCM", "AES-256-CCM"})
    public String cipher;

    @Param({"4096", "65536", "1048576", "8388608"})
    public int size;

    private byte[] plaintext;
    private TransformSealer sealer;
    private TransformUnsealer unsealer;
    /** Two sealed messages taken in turn: an unsealer refuses a nonce that repeats the previous message's. */
    private final Bytes[] sealed = new Bytes[2];
    private int next;

    @Setup
    public void setUp() {
        JitWarmup.run(); // as servers and clients do when they start
        CipherId id = Ciphers.byName(cipher);
        Bytes key = Bytes.wrap(new byte[Ciphers.keySize(id)]);
        plaintext = new byte[size];
        new Random(1).nextBytes(plaintext);
        sealer = TransformSealer.of(id, key);
        unsealer = TransformUnsealer.of(id, key, 1);
        sealed[0] = sealer.seal(plaintext, 0, size, 1);
        sealed[1] = sealer.seal(plaintext, 0, size, 1);
    }

    @Benchmark
    public Bytes seal() {
        return sealer.seal(plaintext, 0, size, 1);
    }

    @Benchmark
    public Bytes unseal() throws IntegrityCheckException {
        next ^= 1;
        return unsealer.unseal(sealed[next]);
    }
}
