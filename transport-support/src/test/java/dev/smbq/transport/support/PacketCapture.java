package dev.smbq.transport.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A loopback capture by dumpcap, and tshark to read it: for interop tests (root, after {@code scripts/peers install}).
 */
public final class PacketCapture implements AutoCloseable {
    private final Process dumpcap;

    private PacketCapture(Process dumpcap) {
        this.dumpcap = dumpcap;
    }

    /** Starts capturing on the loopback interface what {@code filter} selects, and returns once it is capturing. */
    public static PacketCapture start(Path file, String filter) throws IOException, InterruptedException {
        Process dumpcap = new ProcessBuilder("dumpcap", "-q", "-i", "lo", "-f", filter, "-w", file.toString())
                .redirectErrorStream(true).redirectOutput(file.resolveSibling(file.getFileName() + ".log").toFile())
                .start();
        for (int i = 0; i < 100 && (!Files.exists(file) || Files.size(file) == 0); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(500); // the capture filter is compiled and applied just after the file header
        return new PacketCapture(dumpcap);
    }

    /** Stops the capture after a moment for the last packets, and waits for the file to be complete. */
    @Override
    public void close() throws InterruptedException {
        Thread.sleep(500);
        dumpcap.destroy();
        if (!dumpcap.waitFor(10, TimeUnit.SECONDS)) {
            dumpcap.destroyForcibly();
        }
    }

    /** Runs tshark on {@code capture} with {@code options}; returns what it printed. */
    public static String tshark(Path capture, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString()));
        command.addAll(List.of(options));
        Process tshark = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(tshark.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!tshark.waitFor(60, TimeUnit.SECONDS)) {
            tshark.destroyForcibly();
        }
        return output;
    }
}
