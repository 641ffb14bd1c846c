package dev.smbq.bench;

import dev.smbq.client.SmbFile;
import dev.smbq.smb2.wire.Bytes;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * End to end on loopback, client here and server in its own JVM ({@link BenchPeer}): 16 MiB up (WRITE) or down
 * (READ) per operation, in {@code ioSize} pieces with 8 outstanding as the client does it, per transport and
 * security mode ({@link BenchSetup}); {@code TRANSPORT/raw} moves the same bytes over the bare transport, as the
 * ceiling. One operation per MiB, so the score reads as MiB/s.
 *
 * <p>An upload rewrites one 16 MiB file in place, written once when the trial starts: the server copies every byte
 * into the file, but the file system does not free and allocate its pages again for each operation. Truncating it
 * first cost about 0.5 ms of CPU per MiB in the share's memory file system, a cost of the file system and of this loop
 * rather than of SMB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class TransferBenchmark extends BenchmarkJvm {
    private static final String UPLOAD_FILE = "upload.bin";

    @Param({"tcp/raw", "tcp/signed", "tcp/AES-128-GCM", "tcp/AES-256-GCM", "tcp/AES-128-CCM", "tcp/AES-256-CCM",
            "quic-netty/raw", "quic-netty/transport-only", "quic-netty/transport-only-unsigned",
            "quic-netty/double-AES-128-GCM", "quic-netty/double-AES-256-GCM", "quic-netty/double-AES-128-CCM",
            "quic-netty/double-AES-256-CCM",
            "quic-kwik/raw", "quic-kwik/transport-only", "quic-kwik/transport-only-unsigned",
            "quic-kwik/double-AES-128-GCM", "quic-kwik/double-AES-256-GCM", "quic-kwik/double-AES-128-CCM",
            "quic-kwik/double-AES-256-CCM"})
    public String setup;

    @Param({"65536", "1048576", "8388608"})
    public int ioSize;

    private LoopbackPeer peer;
    private boolean raw;
    private Bytes data;

    @Setup(Level.Trial)
    public void start() throws Exception {
        BenchSetup parsed = BenchSetup.parse(setup);
        raw = parsed.raw();
        peer = LoopbackPeer.start(parsed, ioSize, 8);
        data = LoopbackPeer.operationData(3);
        if (!raw) {
            peer.writeFile(UPLOAD_FILE, data);
        }
    }

    /**
     * CPU time of client and server together, reported (as JMH does with these counters) per second of the
     * iteration: divided by the primary score (MiB/s) it gives CPU time per MiB moved.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Cpu {
        public long cpuMicros;
    }

    @Benchmark
    @OperationsPerInvocation(BenchSetup.MEBIBYTES_PER_OPERATION)
    public void upload(Cpu cpu) throws Exception {
        counted(cpu, () -> {
            if (raw) {
                peer.rawUpload(data, ioSize);
            } else {
                try (SmbFile file = peer.tree().open(UPLOAD_FILE)) {
                    file.write(0, data);
                }
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(BenchSetup.MEBIBYTES_PER_OPERATION)
    public void download(Cpu cpu) throws Exception {
        counted(cpu, () -> {
            if (raw) {
                peer.rawDownload(ioSize);
            } else {
                try (SmbFile file = peer.tree().open(LoopbackPeer.DOWNLOAD_FILE)) {
                    file.readTo(OutputStream.nullOutputStream());
                }
            }
        });
    }

    /** One transfer, with the CPU time client and server spent on it added to the counter. */
    private void counted(Cpu cpu, Transfer transfer) throws Exception {
        long before = peer.cpuNanos();
        transfer.run();
        cpu.cpuMicros += (peer.cpuNanos() - before) / 1000;
    }

    private interface Transfer {
        void run() throws Exception;
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        peer.close();
    }
}
