package dev.smbq.bench;

import dev.smbq.client.SmbClient;
import dev.smbq.smb2.auth.Credentials;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Handshakes per second end to end (server in its own JVM): connect (TCP, or QUIC with its TLS 1.3 handshake),
 * NEGOTIATE, SESSION_SETUP with NTLMv2 (two round trips), then close.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
public class HandshakeBenchmark extends BenchmarkJvm {
    @Param({"tcp/signed", "quic-netty/transport-only", "quic-kwik/transport-only"})
    public String setup;

    private LoopbackPeer peer;

    @Setup(Level.Trial)
    public void start() throws Exception {
        peer = LoopbackPeer.start(BenchSetup.parse(setup), 1 << 20, 8);
    }

    @Benchmark
    public long connectNegotiateAndLogIn() throws Exception {
        try (SmbClient client = peer.connect(1 << 20, 8)) {
            return client.login(Credentials.password(BenchPeer.USER, "", BenchPeer.PASSWORD)).id();
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        peer.close();
    }
}
