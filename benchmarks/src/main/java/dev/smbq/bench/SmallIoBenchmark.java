package dev.smbq.bench;

import dev.smbq.client.SmbFile;
import dev.smbq.smb2.wire.Bytes;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Small I/O end to end (server in its own JVM): 4 KiB READs per second with 16 outstanding, and the latency of one
 * 4 KiB READ on its own (sampled: JMH reports its percentiles).
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
public class SmallIoBenchmark extends BenchmarkJvm {
    private static final int SMALL = 4096;
    private static final int DEPTH = 16;
    private static final int READS = LoopbackPeer.BYTES_PER_OPERATION / SMALL;

    @Param({"tcp/signed", "tcp/AES-128-GCM", "quic-netty/transport-only", "quic-netty/double-AES-128-GCM",
            "quic-kwik/transport-only", "quic-kwik/double-AES-128-GCM"})
    public String setup;

    private LoopbackPeer peer;
    private SmbFile file;

    @Setup(Level.Trial)
    public void start() throws Exception {
        peer = LoopbackPeer.start(BenchSetup.parse(setup), SMALL, DEPTH);
        file = peer.tree().open(LoopbackPeer.DOWNLOAD_FILE);
    }

    /** The 16 MiB file read whole in 4 KiB READs, 16 outstanding: the score is READs per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(READS)
    public long readsAtDepth16() throws Exception {
        return file.readTo(OutputStream.nullOutputStream());
    }

    /** One 4 KiB READ, waited for. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Bytes oneRead() throws Exception {
        return file.read(0, SMALL);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        file.close();
        peer.close();
    }
}
