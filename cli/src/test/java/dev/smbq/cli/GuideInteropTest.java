package dev.smbq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The guide's shell scripts (fenced {@code sh interop}) run as written, from the project root, each failing on its
 * first failing command: they start smbq servers on ephemeral ports, capture with dumpcap and read with tshark, so
 * they need root and the peers of {@code scripts/peers install}, and the built {@code smbq} jar.
 */
@Tag("interop")
class GuideInteropTest {
    @Test
    void everyScriptInTheGuideRuns() throws Exception {
        List<Guide.Block> scripts = Guide.blocks().stream()
                .filter(block -> block.language().equals("sh") && block.attributes().equals("interop")).toList();
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(2);
        for (Guide.Block script : scripts) {
            Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", String.join("\n", script.lines()))
                    .directory(Guide.projectRoot().toFile()).redirectErrorStream(true).start();
            boolean finished = bash.waitFor(300, TimeUnit.SECONDS);
            if (!finished) {
                bash.descendants().forEach(ProcessHandle::destroyForcibly);
                bash.destroyForcibly();
            }
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(finished).as(script.page() + ": script timed out\n" + output).isTrue();
            assertThat(bash.exitValue()).as(script.page() + ": script failed\n" + output).isZero();
        }
    }
}
