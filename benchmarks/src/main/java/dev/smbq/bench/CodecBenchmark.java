package dev.smbq.bench;

import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.message.FileId;
import dev.smbq.smb2.message.ReadResponse;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.message.WriteRequest;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.DirectTcpFraming;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
 * The codec in process on data-carrying messages: WRITE requests and READ responses at 64 B to 1 MiB of data (encode,
 * and decode of what was encoded), and the Direct TCP framer fed a READ response in 1500-byte pieces as a network
 * delivers it. Run with {@code -prof gc} for allocation per operation; {@link HeaderCodecBenchmark} has the rest.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CodecBenchmark extends BenchmarkJvm {
    private static final int NETWORK_PIECE = 1500;

    @Param({"64", "4096", "65536", "1048576"})
    public int size;

    private Smb2Message write;
    private Smb2Message read;
    private Bytes encodedWrite;
    private Bytes encodedRead;
    private byte[] framed;
    private ByteBuffer piece;
    private byte[] lastFrame;
    private final Consumer<byte[]> keepFrame = frame -> lastFrame = frame;
    private final DirectTcpFraming.Decoder decoder = new DirectTcpFraming.Decoder(DirectTcpFraming.MAX_FRAME_LENGTH);

    @Setup
    public void setUp() {
        byte[] data = new byte[size];
        new Random(5).nextBytes(data);
        FileId file = new FileId(1, 2);
        write = new Smb2Message(Smb2Header.request(Command.WRITE, 7).withSession(0x1234, 5),
                new WriteRequest(0, file, 0, 0, 0, Bytes.wrap(data), Bytes.EMPTY));
        read = new Smb2Message(Smb2Header.responseTo(Smb2Header.request(Command.READ, 7), NtStatus.SUCCESS, 8),
                new ReadResponse(0, 0, Bytes.wrap(data)));
        encodedWrite = Bytes.wrap(Smb2Codec.encode(write));
        encodedRead = Bytes.wrap(Smb2Codec.encode(read));
        framed = DirectTcpFraming.frame(encodedRead.toByteArray());
        piece = ByteBuffer.wrap(framed);
    }

    @Benchmark
    public byte[] encodeWriteRequest() {
        return Smb2Codec.encode(write);
    }

    @Benchmark
    public Smb2Message decodeWriteRequest() {
        return Smb2Codec.decode(encodedWrite);
    }

    @Benchmark
    public byte[] encodeReadResponse() {
        return Smb2Codec.encode(read);
    }

    @Benchmark
    public Smb2Message decodeReadResponse() {
        return Smb2Codec.decode(encodedRead);
    }

    /**
     * A framed READ response arriving in 1500-byte pieces, reassembled by the framer. The pieces are one reused view
     * and the sink one object, so the allocation measured is the framer's own.
     */
    @Benchmark
    public byte[] frameFragmentedInput() {
        for (int position = 0; position < framed.length; position += NETWORK_PIECE) {
            piece.limit(Math.min(position + NETWORK_PIECE, framed.length)).position(position);
            decoder.feed(piece, keepFrame);
        }
        return lastFrame;
    }
}
