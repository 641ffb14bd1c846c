package dev.smbq.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmark numbers in the README and the implementers' guide are the committed run's, not typed in: their
 * blocks equal what {@code smbq bench --publish} copies from {@code benchmarks/results/results.md}.
 */
class PublishedResultsTest {
    private static Path projectRoot() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("README.md"))) {
            root = root.getParent();
        }
        return root;
    }

    @Test
    void theReadmeAndThePerformanceNotesShowTheCommittedResults() throws IOException {
        Path root = projectRoot();
        String results = Files.readString(root.resolve("benchmarks/results/results.md"));
        assertThat(BenchReport.publishedBlock(Files.readString(root.resolve("README.md"))).strip())
                .isEqualTo(BenchReport.headline(results).strip());
        assertThat(BenchReport.publishedBlock(Files.readString(root.resolve("docs/performance.md"))).strip())
                .isEqualTo(BenchReport.guideTables(results).strip());
        assertThat(Files.exists(root.resolve("benchmarks/results/throughput.png"))).isTrue();
        assertThat(Files.exists(root.resolve("benchmarks/results/results.json"))).isTrue();
    }

    @Test
    void publishingRewritesOnlyTheBlocks(@org.junit.jupiter.api.io.TempDir Path copy) throws IOException {
        Path root = projectRoot();
        Files.createDirectories(copy.resolve("docs"));
        Files.writeString(copy.resolve("README.md"), "before\n<!-- bench:start (x) -->\nold\n<!-- bench:end -->\nafter\n");
        Files.writeString(copy.resolve("docs/performance.md"), "a\n<!-- bench:start -->\n<!-- bench:end -->\nb\n");
        BenchReport.publish(root.resolve("benchmarks/results/results.md"), copy);
        String readme = Files.readString(copy.resolve("README.md"));
        assertThat(readme).startsWith("before\n<!-- bench:start (x) -->\n").endsWith("<!-- bench:end -->\nafter\n")
                .doesNotContain("old");
        assertThat(Files.readString(copy.resolve("docs/performance.md"))).contains("## Small I/O").endsWith("b\n");
    }
}
