package dev.smbq.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's benchmark numbers are the committed run's, not typed in: its block equals the report's headline. */
class ReadmeResultsTest {
    private static final String START = "<!-- bench:start";
    private static final String END = "<!-- bench:end -->";

    @Test
    void theReadmeShowsTheCommittedResults() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("README.md"))) {
            root = root.getParent();
        }
        String readme = Files.readString(root.resolve("README.md"));
        int start = readme.indexOf('\n', readme.indexOf(START)) + 1;
        String block = readme.substring(start, readme.indexOf(END));
        String results = Files.readString(root.resolve("benchmarks/results/results.md"));
        assertThat(block.strip()).isEqualTo(BenchReport.headline(results).strip());
        assertThat(Files.exists(root.resolve("benchmarks/results/throughput.png"))).isTrue();
        assertThat(Files.exists(root.resolve("benchmarks/results/results.json"))).isTrue();
    }
}
