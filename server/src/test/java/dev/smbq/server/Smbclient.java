package dev.smbq.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Samba's smbclient against a share {@code data} on 127.0.0.1, as user smbtest, for the interop tests. */
final class Smbclient {
    private Smbclient() {
    }

    /**
     * Runs {@code commands} with the given options (dialect, protection, ...) and returns what smbclient printed;
     * it must exit 0 within {@code seconds}.
     */
    static String run(int port, List<String> options, String commands, long seconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("smbclient", "//127.0.0.1/data", "-p", String.valueOf(port),
                "-U", "smbtest%Passw0rd!"));
        command.addAll(options);
        command.addAll(List.of("-c", commands));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            return output;
        } finally {
            process.destroyForcibly();
        }
    }
}
