package dev.smbq.bench;

import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.smb2.wire.Bytes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@link BenchPeer} in its own JVM, on this JVM's class path, serving a share directory made for it (with a file of
 * one operation's size to download); closing it closes the peer's standard input, so it exits, and removes the share.
 */
final class PeerProcess implements AutoCloseable {
    private final Process process;
    private final Path share;
    private final int rawPort;
    private final int signedPort;
    private final int unsignedPort;
    private final TrustPolicy.Pinned certificatePin;

    private PeerProcess(Process process, Path share, String[] announced) {
        this.process = process;
        this.share = share;
        this.rawPort = Integer.parseInt(announced[1]);
        this.signedPort = Integer.parseInt(announced[2]);
        this.unsignedPort = Integer.parseInt(announced[3]);
        this.certificatePin = new TrustPolicy.Pinned(Bytes.wrap(HexFormat.of().parseHex(announced[4])));
    }

    static PeerProcess start(String transport) throws IOException {
        Path share = newShare();
        writeFile(share, LoopbackPeer.DOWNLOAD_FILE, LoopbackPeer.operationData(LoopbackPeer.DOWNLOAD_SEED));
        Process process = new ProcessBuilder(BenchmarkJvm.command(BenchPeer.class, transport, share.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        // the JVM may print notices first (a flight recording started through JAVA_TOOL_OPTIONS, for one)
        String line = out.readLine();
        while (line != null && !line.startsWith("ports ")) {
            line = out.readLine();
        }
        if (line == null) {
            process.destroyForcibly();
            deleteShare(share);
            throw new IOException("the benchmark peer ended without announcing its ports");
        }
        return new PeerProcess(process, share, line.split(" "));
    }

    /**
     * A share directory in memory where the system has one ({@code /dev/shm}), else in the temporary directory. On a
     * disk, uploads at hundreds of MiB/s soon exceed the kernel's dirty-page limit, and the server's writes then wait
     * for write-back: the upload rows would measure the disk, not SMB.
     */
    private static Path newShare() throws IOException {
        Path memory = Path.of("/dev/shm");
        return Files.isDirectory(memory) && Files.isWritable(memory)
                ? Files.createTempDirectory(memory, "smbq-bench-") : Files.createTempDirectory("smbq-bench-");
    }

    /** Where the peer serves {@code setup}: its raw stream, or the SMB server that requires signing as it does. */
    InetSocketAddress address(BenchSetup setup) {
        int port = setup.raw() ? rawPort : setup.signingRequired() ? signedPort : unsignedPort;
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** The peer's certificate (made when it started), pinned by its fingerprint: what a QUIC client trusts. */
    TrustPolicy.Pinned certificatePin() {
        return certificatePin;
    }

    /**
     * Writes {@code data} into the file {@code name} of the share through the file system, not over SMB: over a
     * transport whose code is not yet compiled, 16 MiB took from a second (quic-netty) to five (quic-kwik).
     */
    void writeFile(String name, Bytes data) throws IOException {
        writeFile(share, name, data);
    }

    private static void writeFile(Path share, String name, Bytes data) throws IOException {
        try (OutputStream file = Files.newOutputStream(share.resolve(name))) {
            data.writeTo(file);
        }
    }

    /** CPU time the peer has used so far, in nanoseconds (to the operating system's clock tick). */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    @Override
    public void close() throws IOException {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            deleteShare(share);
        }
    }

    private static void deleteShare(Path share) {
        try (Stream<Path> files = Files.walk(share)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the system cleans it eventually
        }
    }
}
