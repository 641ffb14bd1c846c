package dev.smbq.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report generator on a stored JMH JSON file from a short run of the suite (every kind of benchmark in it, with
 * JMH's "NaN" errors, sampled percentiles and secondary metrics).
 */
class BenchReportTest {
    @TempDir
    Path directory;

    private Path sample() throws IOException {
        Path json = directory.resolve("results.json");
        try (InputStream in = BenchReportTest.class.getResourceAsStream("/jmh-sample.json")) {
            Files.copy(in, json);
        }
        return json;
    }

    @Test
    void readsEveryRunOfTheSample() throws IOException {
        List<JmhResult> results = JmhResult.read(sample());
        assertThat(results).hasSize(34);
        JmhResult raw = results.stream().filter(r -> r.benchmark().equals("TransferBenchmark.upload")
                && r.param("setup").equals("tcp/raw")).findFirst().orElseThrow();
        assertThat(raw.score()).isEqualTo(902.2, org.assertj.core.api.Assertions.within(0.1));
        assertThat(raw.error()).isNaN();
        assertThat(raw.secondary()).containsKey("cpuMicros");
        JmhResult latency = results.stream().filter(r -> r.benchmark().equals("SmallIoBenchmark.oneRead")).findFirst()
                .orElseThrow();
        assertThat(latency.mode()).isEqualTo("sample");
        assertThat(latency.percentiles()).containsKeys("50.0", "99.9");
    }

    @Test
    void theTableHasARowPerTransportAndProtectionWithRatiosFromTheSameRun() throws IOException {
        String markdown = markdownOf(JmhResult.read(sample()));
        assertThat(markdown).startsWith("# smbq benchmark results\n\nA test machine.");
        // each measured transport and protection once in the 1 MiB table, raw at ratio 1.00 to itself
        for (String row : List.of("| tcp | raw stream, no SMB | 902 | 637 | 1.81 / 2.63 | 1.00 / 1.00 | 3.85 / 2.55 |",
                "| tcp | SMB signed, not encrypted | 234 | 249 |", "| tcp | SMB AES-128-GCM | 245 | 260 |",
                "| quic-netty | raw stream, no SMB |", "| quic-netty | transport-only: SMB signed, QUIC encrypts |",
                "| quic-netty | double: SMB AES-128-GCM inside QUIC |")) {
            assertThat(markdown).contains(row);
        }
        // SMB AES-128-GCM over TCP against signed only: 245 / 234 and 260 / 249
        assertThat(markdown).contains("| tcp | SMB AES-128-GCM | 245 | 260 | 6.78 / 6.81 | 0.27 / 0.41 | 1.05 / 1.04 |");
        assertThat(markdown).contains("| SMB transport-only ≥ 0.90 × raw stream, quic-netty, 1 MiB | up 1.76, down 1.39 | yes |")
                .contains("| double AES-128-GCM ≥ 0.85 × transport-only, quic-netty, 1 MiB | up 0.81, down 0.91 | no |")
                .contains("| AES-128-CCM sealing ≥ 5 × BouncyCastle's CCMBlockCipher, 64 KiB | 13.73 | yes |");
        assertThat(markdown).contains("| tcp | SMB signed, not encrypted | 7299 | 295 / 596 / 5112 / 9109 |")
                .contains("| quic-netty | transport-only: SMB signed, QUIC encrypts | 33.0 |")
                .contains("| AES-128-CCM | 64 KiB | 941 | 861 | 68.6 | 13.73 | 66612 |");
        // what the run did not measure is left out, not shown as zero
        assertThat(markdown).doesNotContain("quic-kwik").doesNotContain("AES-256-CCM inside");
    }

    @Test
    void aGoalInsideTheErrorOfARatioIsNeitherMetNorMissed() {
        List<JmhResult> results = List.of(transfer("upload", "raw", 100, 5), transfer("download", "raw", 100, 5),
                transfer("upload", "transport-only", 88, 20), transfer("download", "transport-only", 97, 1),
                transfer("upload", "double-AES-128-GCM", 50, 1), transfer("download", "double-AES-128-GCM", 96, 1));
        String markdown = markdownOf(results);
        // 88 ± 20 over 100 ± 5 is 0.88 ± 0.20: 0.90 lies inside; 97 ± 1 over 100 ± 5 is 0.97 ± 0.05, above 0.90
        assertThat(markdown).contains("| SMB transport-only ≥ 0.90 × raw stream, quic-netty, 1 MiB "
                + "| up 0.88 ± 0.20, down 0.97 ± 0.05 | within the error |");
        // 50 ± 1 over 88 ± 20 is 0.57 ± 0.13: below 0.85 even at its top
        assertThat(markdown).contains("| double AES-128-GCM ≥ 0.85 × transport-only, quic-netty, 1 MiB "
                + "| up 0.57 ± 0.13, down 0.99 ± 0.01 | no |");
    }

    @Test
    void unsignedTransportOnlyHasItsRowAndIsComparedWithTheRawStreamBesideTheTarget() {
        List<JmhResult> results = List.of(transfer("upload", "raw", 100, 5), transfer("download", "raw", 100, 5),
                transfer("upload", "transport-only", 60, 1), transfer("download", "transport-only", 70, 1),
                transfer("upload", "transport-only-unsigned", 80, 1), transfer("download", "transport-only-unsigned", 95, 1));
        String markdown = markdownOf(results);
        // its ratio to the raw stream, and to signed transport-only (80 / 60, 95 / 70)
        assertThat(markdown).contains("| quic-netty | transport-only, unsigned: QUIC alone | 80.0 ± 1.0 | 95.0 ± 1.0 "
                + "| 3.07 / 3.07 | 0.80 / 0.95 | 1.33 / 1.36 |");
        assertThat(markdown).contains("| (for comparison) SMB transport-only unsigned ≥ 0.90 × raw stream, quic-netty, "
                + "1 MiB | up 0.80 ± 0.04, down 0.95 ± 0.05 | no |");
    }

    @Test
    void allocationBeyondThePayloadIsMetWhileEveryOperationStaysWithinOnePercentOfIt() {
        int mebibyte = 1 << 20;
        JmhResult seal = inProcess("SealingBenchmark.seal", Map.of("cipher", "AES-128-GCM"), mebibyte + 1200);
        JmhResult decode = inProcess("CodecBenchmark.decodeReadResponse", Map.of(), 216);
        JmhResult verify = inProcess("SigningBenchmark.verify", Map.of("algorithm", "AES-GMAC"), 6900);
        String met = markdownOf(seal, decode, verify);
        // sealing returns its payload, verifying none: 1200 and 6900 bytes beyond, both within 10486
        assertThat(met).contains("| allocation beyond the payload ≤ 1% of it, codec, framer, signing and sealing in "
                + "process, 1 MiB | largest 6900 B (SigningBenchmark.verify, AES-GMAC) | yes |");
        // a verify that copied the message would allocate the payload's size although it returns none
        JmhResult copying = inProcess("SigningBenchmark.verify", Map.of("algorithm", "AES-GMAC"), mebibyte + 500);
        String missed = markdownOf(seal, decode, copying);
        assertThat(missed).contains("| largest 1049076 B (SigningBenchmark.verify, AES-GMAC) | no |");
    }

    private static String markdownOf(JmhResult... results) {
        return markdownOf(List.of(results));
    }

    private static String markdownOf(List<JmhResult> results) {
        return new BenchReport(results).markdown("A test machine.");
    }

    private static JmhResult inProcess(String benchmark, Map<String, String> params, double allocated) {
        Map<String, String> withSize = new java.util.LinkedHashMap<>(params);
        withSize.put("size", "1048576");
        return new JmhResult(benchmark, "thrpt", withSize, 1000, 10, Map.of(), Map.of("gc.alloc.rate.norm", allocated),
                List.of());
    }

    private static JmhResult transfer(String direction, String mode, double score, double error) {
        return new JmhResult("TransferBenchmark." + direction, "thrpt",
                Map.of("setup", "quic-netty/" + mode, "ioSize", "1048576"), score, error, Map.of(),
                Map.of("cpuMicros", score * 3000), List.of());
    }

    @Test
    void aRowThatWasStillSpeedingUpWhenMeasuredIsMarked() {
        JmhResult warming = new JmhResult("TransferBenchmark.upload", "thrpt",
                Map.of("setup", "quic-netty/raw", "ioSize", "1048576"), 115, 20, Map.of(), Map.of(),
                List.of(100.0, 100.0, 100.0, 100.0, 130.0, 130.0, 130.0, 130.0));
        JmhResult steady = new JmhResult("TransferBenchmark.download", "thrpt",
                Map.of("setup", "quic-netty/raw", "ioSize", "1048576"), 100, 5, Map.of(), Map.of(),
                List.of(105.0, 95.0, 100.0, 100.0, 95.0, 105.0, 100.0, 100.0));
        String markdown = markdownOf(warming, steady);
        assertThat(markdown).contains("| quic-netty | raw stream, no SMB | 115 ± 20.0 † | 100 ± 5.0 |")
                .contains("† Still speeding up when measured");
        assertThat(markdownOf(steady)).doesNotContain("†");
    }

    /** QUIC has one mode more than TCP (unsigned transport-only): each series must still find its own rows. */
    @Test
    void theChartShowsEachProtectionUnderItsOwnNameOnEveryTransport() {
        BenchReport report = new BenchReport(List.of(upload("tcp/AES-256-CCM", 40), upload("tcp/signed", 90),
                upload("quic-netty/transport-only", 60), upload("quic-netty/transport-only-unsigned", 80),
                upload("quic-netty/double-AES-128-GCM", 50), upload("quic-netty/double-AES-256-CCM", 30)));
        assertThat(scores(report, "SMB signed, not encrypted")).containsExactly(Optional.of(90.0), Optional.of(60.0),
                Optional.empty());
        assertThat(scores(report, "SMB unsigned, QUIC alone")).containsExactly(Optional.empty(), Optional.of(80.0),
                Optional.empty());
        assertThat(scores(report, "SMB AES-128-GCM")).containsExactly(Optional.empty(), Optional.of(50.0),
                Optional.empty());
        assertThat(scores(report, "SMB AES-256-CCM")).containsExactly(Optional.of(40.0), Optional.of(30.0),
                Optional.empty());
    }

    private static List<Optional<Double>> scores(BenchReport report, String series) {
        return report.chartBars("upload", series, 1 << 20).stream().map(bar -> bar.map(JmhResult::score)).toList();
    }

    private static JmhResult upload(String setup, double score) {
        return new JmhResult("TransferBenchmark.upload", "thrpt", Map.of("setup", setup, "ioSize", "1048576"), score,
                1, Map.of(), Map.of(), List.of());
    }

    @Test
    void writesTheReportAndAChart() throws IOException {
        Path json = sample();
        BenchReport.write(json, "A test machine.");
        assertThat(directory.resolve("results.md")).content().contains("## End to end");
        var chart = ImageIO.read(directory.resolve("throughput.png").toFile());
        assertThat(chart.getWidth()).isEqualTo(1800);
        assertThat(chart.getHeight()).isEqualTo(500);
    }
}
