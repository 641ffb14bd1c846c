package dev.smbq.bench;

import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.smb2.wire.Bytes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link BenchPeer} in its own JVM, on this JVM's class path; closing it closes its standard input, and it exits. */
final class PeerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final TrustPolicy.Pinned certificatePin;

    private PeerProcess(Process process, int port, TrustPolicy.Pinned certificatePin) {
        this.process = process;
        this.port = port;
        this.certificatePin = certificatePin;
    }

    static PeerProcess start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), BenchSetup.PRODUCTION_JVM,
                "-cp", System.getProperty("java.class.path"), BenchPeer.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        // the JVM may print notices first (a flight recording started through JAVA_TOOL_OPTIONS, for one)
        String line = out.readLine();
        while (line != null && !line.startsWith("port ")) {
            line = out.readLine();
        }
        if (line == null) {
            process.destroyForcibly();
            throw new IOException("the benchmark peer ended without announcing its port");
        }
        String[] announced = line.split(" ");
        return new PeerProcess(process, Integer.parseInt(announced[1]),
                new TrustPolicy.Pinned(Bytes.wrap(HexFormat.of().parseHex(announced[2]))));
    }

    int port() {
        return port;
    }

    /** The peer's certificate (made when it started), pinned by its fingerprint: what a QUIC client trusts. */
    TrustPolicy.Pinned certificatePin() {
        return certificatePin;
    }

    /** CPU time the peer has used so far, in nanoseconds (to the operating system's clock tick). */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
        }
    }
}
