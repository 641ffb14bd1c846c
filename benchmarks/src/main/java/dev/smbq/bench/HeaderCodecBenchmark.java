package dev.smbq.bench;

import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.crypto.SessionKeys;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.negotiate.ClientNegotiator;
import dev.smbq.smb2.negotiate.NegotiatePolicy;
import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.wire.Bytes;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The codec in process on what carries no data: the 64-byte header, a full 3.1.1 NEGOTIATE request with its contexts
 * (decode, and encode of what was decoded), and the 3.1.1 key derivation. Run with {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HeaderCodecBenchmark extends BenchmarkJvm {
    private final Bytes sessionKey = Bytes.wrap(new byte[16]);
    private final Bytes preauthHash = Bytes.wrap(new byte[64]);
    private Bytes header;
    private Bytes negotiate;

    @Setup
    public void setUp() {
        negotiate = Bytes.wrap(new ClientNegotiator(NegotiatePolicy.defaults().withServerName("server"),
                TransportKind.QUIC, UUID.randomUUID(), new Random(1)).requestBytes());
        header = negotiate.slice(0, Smb2Header.SIZE);
    }

    @Benchmark
    public Smb2Header decodeHeader() {
        return Smb2Codec.decodeHeader(header);
    }

    @Benchmark
    public Smb2Message decodeNegotiateRequest() {
        return Smb2Codec.decode(negotiate);
    }

    @Benchmark
    public byte[] encodeNegotiateRequest() {
        return Smb2Codec.encode(Smb2Codec.decode(negotiate));
    }

    @Benchmark
    public SessionKeys deriveKeys() {
        return SessionKeys.derive(Dialect.SMB_3_1_1, CipherId.AES_128_GCM, sessionKey, preauthHash);
    }
}
