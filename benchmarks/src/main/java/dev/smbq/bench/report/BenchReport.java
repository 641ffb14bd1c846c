package dev.smbq.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Turns one JMH JSON run into {@code results.md} (tables, with every ratio computed from this run) and
 * {@code throughput.png} (throughput by transport and protection). Nothing here measures; it only reads.
 */
public final class BenchReport {
    static final List<String> TRANSPORTS = List.of("tcp", "quic-netty", "quic-kwik");
    static final List<String> CIPHERS = List.of("AES-128-GCM", "AES-256-GCM", "AES-128-CCM", "AES-256-CCM");
    /** The chart's series, in order: {@link #chartMode} names the mode behind each on each transport. */
    static final List<String> CHART_SERIES = List.of("raw stream", "SMB signed, not encrypted",
            "SMB unsigned, QUIC alone", "SMB AES-128-GCM", "SMB AES-256-GCM", "SMB AES-128-CCM", "SMB AES-256-CCM");
    private static final String TRANSFER = "TransferBenchmark.";
    /** How much faster a row's last half of iterations may run than its first before the table marks it. */
    static final double STILL_WARMING = 1.10;
    /** QUIC's transport-only mode where neither side requires signing. */
    private static final String UNSIGNED = "transport-only-unsigned";
    /** The in-process operations the allocation target covers, and whether each returns a payload-sized buffer. */
    private static final Map<String, Boolean> RETURNS_PAYLOAD = Map.of(
            "SealingBenchmark.seal", true, "SealingBenchmark.unseal", true,
            "CodecBenchmark.encodeWriteRequest", true, "CodecBenchmark.encodeReadResponse", true,
            "CodecBenchmark.frameFragmentedInput", true,
            "CodecBenchmark.decodeWriteRequest", false, "CodecBenchmark.decodeReadResponse", false,
            "SigningBenchmark.sign", false, "SigningBenchmark.verify", false);
    /** Where a published copy starts: the marker line is kept, what follows up to {@link #PUBLISHED_END} is replaced. */
    public static final String PUBLISHED_START = "<!-- bench:start";
    public static final String PUBLISHED_END = "<!-- bench:end -->";

    private final List<JmhResult> results;

    BenchReport(List<JmhResult> results) {
        this.results = List.copyOf(results);
    }

    /** Reads {@code json} and writes results.md and throughput.png beside it; {@code machine} heads the table. */
    public static void write(Path json, String machine) throws IOException {
        BenchReport report = new BenchReport(JmhResult.read(json));
        Path directory = json.toAbsolutePath().getParent();
        Files.writeString(directory.resolve("results.md"), report.markdown(machine));
        report.chart(directory.resolve("throughput.png"));
    }

    String markdown(String machine) {
        StringBuilder out = new StringBuilder();
        out.append("# smbq benchmark results\n\n").append(machine).append("\n\n")
                .append("Scores are JMH means over the measured iterations, ± their 99.9% error where JMH had enough "
                        + "iterations for one. Every ratio is computed from this run.\n");
        transfers(out);
        targets(out);
        smallIo(out);
        micro(out);
        return out.toString();
    }

    /**
     * What the README shows of a report: the machine line, the 1 MiB end-to-end table and the targets, as they stand
     * in {@code results.md}.
     */
    public static String headline(String markdown) {
        String machine = markdown.lines().skip(2).findFirst().orElse("");
        return machine + "\n\n" + section(markdown, "### 1 MiB READ/WRITE") + "\n" + section(markdown, "## Targets");
    }

    /**
     * What the implementers' guide shows ({@code docs/performance.md}): the headline, then small I/O, handshakes and
     * in-process sealing, as they stand in {@code results.md}.
     */
    public static String guideTables(String markdown) {
        return headline(markdown) + "\n" + section(markdown, "## Small I/O") + "\n" + section(markdown, "## Handshakes")
                + "\n" + section(markdown, "## Sealing in process");
    }

    /**
     * Copies a committed run into the project's pages: the README gets {@link #headline}, {@code docs/performance.md}
     * gets {@link #guideTables}, each between its {@link #PUBLISHED_START} and {@link #PUBLISHED_END} lines.
     */
    public static void publish(Path results, Path projectRoot) throws IOException {
        String markdown = Files.readString(results);
        replaceBlock(projectRoot.resolve("README.md"), headline(markdown));
        replaceBlock(projectRoot.resolve("docs/performance.md"), guideTables(markdown));
    }

    /** The published block of a page: what lies between its markers. */
    public static String publishedBlock(String page) {
        int[] block = blockBounds(page);
        return page.substring(block[0], block[1]);
    }

    private static void replaceBlock(Path page, String block) throws IOException {
        String text = Files.readString(page);
        int[] bounds = blockBounds(text);
        Files.writeString(page, text.substring(0, bounds[0]) + block.strip() + "\n" + text.substring(bounds[1]));
    }

    /** Where a page's published block starts (after its marker line) and ends (at the end marker). */
    private static int[] blockBounds(String page) {
        int marker = page.indexOf(PUBLISHED_START);
        int end = page.indexOf(PUBLISHED_END);
        int start = marker < 0 ? -1 : page.indexOf('\n', marker) + 1;
        if (start <= 0 || end < start) {
            throw new IllegalStateException("no " + PUBLISHED_START + " ... " + PUBLISHED_END + " block");
        }
        return new int[] {start, end};
    }

    /** From a heading to the next heading of any level, trimmed. */
    private static String section(String markdown, String heading) {
        int start = markdown.indexOf(heading);
        if (start < 0) {
            return "";
        }
        int end = markdown.indexOf("\n#", start + heading.length());
        return markdown.substring(start, end < 0 ? markdown.length() : end).strip() + "\n";
    }

    // ---- end to end

    private void transfers(StringBuilder out) {
        TreeSet<Integer> sizes = new TreeSet<>();
        results.stream().filter(r -> r.benchmark().startsWith(TRANSFER)).forEach(r -> sizes.add(Integer.parseInt(r.param("ioSize"))));
        if (sizes.isEmpty()) {
            return;
        }
        out.append("\n## End to end: client and server in separate JVMs on loopback\n\n")
                .append("16 MiB per operation, in pieces of the size below with 8 outstanding; CPU is client and server "
                        + "together. \"vs SMB unencrypted\" compares with transport-only (QUIC) or signed (TCP).\n");
        for (int size : sizes) {
            out.append("\n### ").append(sizeName(size)).append(" READ/WRITE\n\n")
                    .append("| transport | protection | upload MiB/s | download MiB/s | CPU s/GiB up / down "
                            + "| vs raw up / down | vs SMB unencrypted up / down |\n|---|---|---|---|---|---|---|\n");
            boolean anyWarming = false;
            for (String transport : TRANSPORTS) {
                for (String mode : modes(transport)) {
                    Optional<JmhResult> up = transfer("upload", transport, mode, size);
                    Optional<JmhResult> down = transfer("download", transport, mode, size);
                    if (up.isEmpty() && down.isEmpty()) {
                        continue;
                    }
                    boolean upWarming = up.filter(BenchReport::stillWarming).isPresent();
                    boolean downWarming = down.filter(BenchReport::stillWarming).isPresent();
                    anyWarming |= upWarming || downWarming;
                    out.append("| ").append(transport).append(" | ").append(protection(transport, mode)).append(" | ")
                            .append(score(up)).append(upWarming ? " †" : "").append(" | ")
                            .append(score(down)).append(downWarming ? " †" : "").append(" | ")
                            .append(cpuPerGibibyte(up)).append(" / ").append(cpuPerGibibyte(down)).append(" | ")
                            .append(ratio(up, transfer("upload", transport, "raw", size))).append(" / ")
                            .append(ratio(down, transfer("download", transport, "raw", size))).append(" | ")
                            .append(ratio(up, transfer("upload", transport, unencrypted(transport), size))).append(" / ")
                            .append(ratio(down, transfer("download", transport, unencrypted(transport), size)))
                            .append(" |\n");
                }
            }
            if (anyWarming) {
                out.append(String.format(Locale.ROOT, "\n† Still speeding up when measured: the last half of its "
                        + "iterations ran more than %.0f%% faster than the first half, and by more than their noise, so "
                        + "its score may understate its warm speed (and a ratio with it may be off).\n",
                        (STILL_WARMING - 1) * 100));
            }
        }
    }

    /**
     * Whether a row was still speeding up while it was measured, its code still being compiled: its last half of
     * iterations averaged more than {@link #STILL_WARMING} times its first half, by more than twice the standard
     * error of that difference (so that one fast or slow iteration of a noisy row does not mark it).
     */
    static boolean stillWarming(JmhResult result) {
        List<Double> iterations = result.iterations();
        int half = iterations.size() / 2;
        if (half < 2) {
            return false;
        }
        List<Double> first = iterations.subList(0, half);
        List<Double> last = iterations.subList(iterations.size() - half, iterations.size());
        double firstMean = mean(first);
        double lastMean = mean(last);
        double standardError = Math.sqrt((variance(first, firstMean) + variance(last, lastMean)) / half);
        return lastMean > firstMean * STILL_WARMING && lastMean - firstMean > 2 * standardError;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** The sample variance (n - 1) around the values' mean. */
    private static double variance(List<Double> values, double mean) {
        return values.stream().mapToDouble(value -> (value - mean) * (value - mean)).sum() / (values.size() - 1);
    }

    static List<String> modes(String transport) {
        List<String> modes = new ArrayList<>(List.of("raw", unencrypted(transport)));
        if (!transport.equals("tcp")) {
            modes.add(UNSIGNED);
        }
        CIPHERS.forEach(cipher -> modes.add(transport.equals("tcp") ? cipher : "double-" + cipher));
        return modes;
    }

    static String unencrypted(String transport) {
        return transport.equals("tcp") ? "signed" : "transport-only";
    }

    static String protection(String transport, String mode) {
        if (mode.equals("raw")) {
            return "raw stream, no SMB";
        }
        if (mode.equals("transport-only")) {
            return "transport-only: SMB signed, QUIC encrypts";
        }
        if (mode.equals(UNSIGNED)) {
            return "transport-only, unsigned: QUIC alone";
        }
        if (mode.equals("signed")) {
            return "SMB signed, not encrypted";
        }
        return mode.startsWith("double-") ? "double: SMB " + mode.substring(7) + " inside QUIC" : "SMB " + mode;
    }

    private Optional<JmhResult> transfer(String direction, String transport, String mode, int size) {
        return find(r -> r.benchmark().equals(TRANSFER + direction) && r.param("setup").equals(transport + "/" + mode)
                && r.param("ioSize").equals(Integer.toString(size)));
    }

    /** CPU seconds per GiB: the counter is CPU microseconds per second, the score MiB per second. */
    private static String cpuPerGibibyte(Optional<JmhResult> result) {
        return result.filter(r -> r.secondary().containsKey("cpuMicros") && r.score() > 0)
                .map(r -> String.format(Locale.ROOT, "%.2f", r.secondary().get("cpuMicros") / 1e6 / r.score() * 1024))
                .orElse("n/a");
    }

    // ---- targets

    private void targets(StringBuilder out) {
        List<String[]> rows = new ArrayList<>();
        int size = 1 << 20;
        for (String transport : List.of("quic-netty", "quic-kwik")) {
            rows.add(againstRawStream("SMB transport-only", transport, "transport-only", size));
            // not a target of its own: how much of the gap above signing makes up
            rows.add(againstRawStream("(for comparison) SMB transport-only unsigned", transport, UNSIGNED, size));
            for (String cipher : List.of("AES-128-GCM", "AES-256-GCM")) {
                rows.add(target("double " + cipher + " ≥ 0.85 × transport-only, " + transport + ", 1 MiB", 0.85,
                        transfer("upload", transport, "double-" + cipher, size),
                        transfer("upload", transport, "transport-only", size),
                        transfer("download", transport, "double-" + cipher, size),
                        transfer("download", transport, "transport-only", size)));
            }
        }
        for (String cipher : List.of("AES-128-CCM", "AES-256-CCM")) {
            for (String bytes : List.of("65536", "1048576")) {
                Optional<JmhResult> seal = find(r -> r.benchmark().equals("SealingBenchmark.seal")
                        && r.param("cipher").equals(cipher) && r.param("size").equals(bytes));
                Optional<JmhResult> bare = find(r -> r.benchmark().equals("PrimitiveAeadBenchmark.encrypt")
                        && r.param("cipher").equals(cipher) && r.param("size").equals(bytes));
                rows.add(target(cipher + " sealing ≥ 5 × BouncyCastle's CCMBlockCipher, " + sizeName(Integer.parseInt(bytes)),
                        5.0, seal, bare, Optional.empty(), Optional.empty()));
            }
        }
        rows.add(allocationBeyondPayload(size));
        rows.removeIf(row -> row == null);
        if (rows.isEmpty()) {
            return;
        }
        out.append("\n## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        rows.forEach(row -> out.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | ").append(row[2])
                .append(" |\n"));
    }

    /**
     * The allocation target: per message of {@code size} bytes in process, what an operation allocates beyond the
     * payload-sized buffer it returns (sealing, unsealing, encoding and framing return one; decoding and signing
     * none). Per-message objects (headers, tags, the JDK's cipher state) stay far below 1% of a 1 MiB payload; a copy
     * or garbage per piece of the payload does not. Null if the run measured none of these operations.
     */
    private String[] allocationBeyondPayload(int size) {
        String bytes = String.valueOf(size);
        Optional<JmhResult> worst = results.stream()
                .filter(r -> RETURNS_PAYLOAD.containsKey(r.benchmark()) && r.param("size").equals(bytes)
                        && r.secondary().containsKey("gc.alloc.rate.norm"))
                .max(Comparator.comparingDouble(r -> beyondPayload(r, size)));
        if (worst.isEmpty()) {
            return null;
        }
        JmhResult result = worst.get();
        double excess = beyondPayload(result, size);
        String otherParams = result.params().entrySet().stream().filter(e -> !e.getKey().equals("size"))
                .map(e -> ", " + e.getValue()).collect(Collectors.joining());
        return new String[] {
                "allocation beyond the payload ≤ 1% of it, codec, framer, signing and sealing in process, " + sizeName(size),
                String.format(Locale.ROOT, "largest %.0f B (%s%s)", excess, result.benchmark(), otherParams),
                excess <= size / 100.0 ? "yes" : "no"};
    }

    private static double beyondPayload(JmhResult result, int size) {
        return result.secondary().get("gc.alloc.rate.norm") - (RETURNS_PAYLOAD.get(result.benchmark()) ? size : 0);
    }

    /** The 0.90 target row of {@code mode} against the transport's raw stream, both ways. */
    private String[] againstRawStream(String name, String transport, String mode, int size) {
        return target(name + " ≥ 0.90 × raw stream, " + transport + ", 1 MiB", 0.90,
                transfer("upload", transport, mode, size), transfer("upload", transport, "raw", size),
                transfer("download", transport, mode, size), transfer("download", transport, "raw", size));
    }

    /**
     * A target row from one or two ratios (upload and download), or null if the run did not measure it. Where JMH
     * gave both scores an error, the ratio carries one too, and a goal inside that error is neither met nor missed.
     */
    private static String[] target(String name, double goal, Optional<JmhResult> first, Optional<JmhResult> firstBase,
                                   Optional<JmhResult> second, Optional<JmhResult> secondBase) {
        List<Ratio> ratios = new ArrayList<>();
        StringBuilder measured = new StringBuilder();
        if (first.isPresent() && firstBase.isPresent()) {
            ratios.add(Ratio.of(first.get(), firstBase.get()));
            measured.append(second.isPresent() ? "up " : "").append(ratios.get(0));
        }
        if (second.isPresent() && secondBase.isPresent()) {
            ratios.add(Ratio.of(second.get(), secondBase.get()));
            measured.append(measured.length() > 0 ? ", " : "").append("down ").append(ratios.get(ratios.size() - 1));
        }
        if (ratios.isEmpty()) {
            return null;
        }
        String verdict = ratios.stream().anyMatch(r -> r.high() < goal) ? "no"
                : ratios.stream().allMatch(r -> r.low() >= goal) ? "yes" : "within the error";
        return new String[] {name, measured.toString(), verdict};
    }

    /**
     * One score over another, with the error that follows from theirs (relative errors added in quadrature), or NaN
     * when JMH had too few iterations for an error.
     */
    record Ratio(double value, double error) {
        static Ratio of(JmhResult result, JmhResult base) {
            double value = result.score() / base.score();
            double relative = Math.hypot(result.error() / result.score(), base.error() / base.score());
            return new Ratio(value, value * relative);
        }

        double low() {
            return Double.isNaN(error) ? value : value - error;
        }

        double high() {
            return Double.isNaN(error) ? value : value + error;
        }

        @Override
        public String toString() {
            return Double.isNaN(error) ? format2(value) : format2(value) + " ± " + format2(error);
        }
    }

    // ---- small I/O and handshakes

    private void smallIo(StringBuilder out) {
        List<JmhResult> reads = results.stream().filter(r -> r.benchmark().equals("SmallIoBenchmark.readsAtDepth16")).toList();
        if (!reads.isEmpty()) {
            out.append("\n## Small I/O\n\n| transport | protection | 4 KiB READs/s at depth 16 "
                    + "| one 4 KiB READ, µs: p50 / p90 / p99 / p99.9 |\n|---|---|---|---|\n");
            for (JmhResult read : reads) {
                String[] setup = read.param("setup").split("/", 2);
                Optional<JmhResult> latency = find(r -> r.benchmark().equals("SmallIoBenchmark.oneRead")
                        && r.param("setup").equals(read.param("setup")));
                out.append("| ").append(setup[0]).append(" | ").append(protection(setup[0], setup[1])).append(" | ")
                        .append(score(Optional.of(read))).append(" | ")
                        .append(latency.map(BenchReport::percentiles).orElse("n/a")).append(" |\n");
            }
        }
        List<JmhResult> handshakes = results.stream().filter(r -> r.benchmark().startsWith("HandshakeBenchmark.")).toList();
        if (!handshakes.isEmpty()) {
            out.append("\n## Handshakes\n\nConnect, NEGOTIATE, SESSION_SETUP (NTLMv2), close.\n\n"
                    + "| transport | protection | handshakes/s |\n|---|---|---|\n");
            for (JmhResult handshake : handshakes) {
                String[] setup = handshake.param("setup").split("/", 2);
                out.append("| ").append(setup[0]).append(" | ").append(protection(setup[0], setup[1])).append(" | ")
                        .append(score(Optional.of(handshake))).append(" |\n");
            }
        }
    }

    private static String percentiles(JmhResult sampled) {
        Map<String, Double> p = sampled.percentiles();
        return String.join(" / ", List.of("50.0", "90.0", "99.0", "99.9").stream()
                .map(key -> p.containsKey(key) ? format(p.get(key)) : "n/a").toList());
    }

    // ---- in process

    private void micro(StringBuilder out) {
        List<JmhResult> seals = results.stream().filter(r -> r.benchmark().equals("SealingBenchmark.seal")).toList();
        if (!seals.isEmpty()) {
            out.append("\n## Sealing in process: TRANSFORM_HEADER against the bare AEAD\n\n"
                    + "The bare AEAD is the JDK's AES-GCM or BouncyCastle's CCMBlockCipher, called once per message "
                    + "as a program would. The JDK's GCM then stays on its slow path at 1 MiB and above for about ten "
                    + "seconds, longer than a quick run's warm-up: the trap that sealing's 64 KiB pieces and the JIT "
                    + "warm-up avoid. B/op is allocation per message (the payload is the size).\n\n"
                    + "| cipher | size | seal MiB/s | unseal MiB/s | bare AEAD MiB/s | seal ÷ bare | seal B/op |\n"
                    + "|---|---|---|---|---|---|---|\n");
            for (JmhResult seal : seals) {
                Predicate<JmhResult> same = r -> r.param("cipher").equals(seal.param("cipher"))
                        && r.param("size").equals(seal.param("size"));
                Optional<JmhResult> unseal = find(same.and(r -> r.benchmark().equals("SealingBenchmark.unseal")));
                Optional<JmhResult> bare = find(same.and(r -> r.benchmark().equals("PrimitiveAeadBenchmark.encrypt")));
                double mebibytes = Integer.parseInt(seal.param("size")) / 1048576.0;
                out.append("| ").append(seal.param("cipher")).append(" | ").append(sizeName(Integer.parseInt(seal.param("size"))))
                        .append(" | ").append(format(seal.score() * mebibytes)).append(" | ")
                        .append(unseal.map(r -> format(r.score() * mebibytes)).orElse("n/a")).append(" | ")
                        .append(bare.map(r -> format(r.score() * mebibytes)).orElse("n/a")).append(" | ")
                        .append(ratio(Optional.of(seal), bare)).append(" | ")
                        .append(allocation(seal)).append(" |\n");
            }
        }
        List<JmhResult> signs = results.stream().filter(r -> r.benchmark().equals("SigningBenchmark.sign")).toList();
        if (!signs.isEmpty()) {
            out.append("\n## Signing in process\n\n| algorithm | size | sign MiB/s | verify MiB/s | sign B/op |\n"
                    + "|---|---|---|---|---|\n");
            for (JmhResult sign : signs) {
                double mebibytes = Integer.parseInt(sign.param("size")) / 1048576.0;
                Optional<JmhResult> verify = find(r -> r.benchmark().equals("SigningBenchmark.verify")
                        && r.params().equals(sign.params()));
                out.append("| ").append(sign.param("algorithm")).append(" | ")
                        .append(sizeName(Integer.parseInt(sign.param("size")))).append(" | ")
                        .append(format(sign.score() * mebibytes)).append(" | ")
                        .append(verify.map(r -> format(r.score() * mebibytes)).orElse("n/a")).append(" | ")
                        .append(allocation(sign)).append(" |\n");
            }
        }
        List<JmhResult> codec = results.stream().filter(r -> r.benchmark().startsWith("HeaderCodecBenchmark.")
                || r.benchmark().startsWith("CodecBenchmark.")).toList();
        if (!codec.isEmpty()) {
            out.append("\n## Codec in process\n\n| operation | data size | ops/s | B/op |\n|---|---|---|---|\n");
            codec.forEach(c -> out.append("| ").append(c.benchmark().substring(c.benchmark().indexOf('.') + 1))
                    .append(" | ").append(c.param("size").isEmpty() ? "-" : sizeName(Integer.parseInt(c.param("size"))))
                    .append(" | ").append(score(Optional.of(c))).append(" | ").append(allocation(c)).append(" |\n"));
        }
    }

    private static String allocation(JmhResult result) {
        Double bytes = result.secondary().get("gc.alloc.rate.norm");
        return bytes == null ? "n/a" : String.format(Locale.ROOT, "%.0f", bytes);
    }

    // ---- chart

    /** Upload and download MiB/s at 1 MiB pieces (or the largest size measured), by transport and protection. */
    void chart(Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        TreeSet<Integer> sizes = new TreeSet<>();
        results.stream().filter(r -> r.benchmark().startsWith(TRANSFER)).forEach(r -> sizes.add(Integer.parseInt(r.param("ioSize"))));
        if (sizes.isEmpty()) {
            return;
        }
        int size = sizes.contains(1 << 20) ? 1 << 20 : sizes.last();
        List<CategoryChart> charts = new ArrayList<>();
        for (String direction : List.of("upload", "download")) {
            CategoryChart chart = new CategoryChartBuilder().width(900).height(500)
                    .title(direction + ", " + sizeName(size) + " pieces (MiB/s)").xAxisTitle("transport")
                    .yAxisTitle("MiB/s").build();
            chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
            for (String series : CHART_SERIES) {
                List<Optional<JmhResult>> bars = chartBars(direction, series, size);
                List<Double> scores = bars.stream().map(bar -> bar.map(JmhResult::score).orElse(0.0)).toList();
                List<Double> errors = bars.stream()
                        .map(bar -> bar.map(r -> Double.isNaN(r.error()) ? 0.0 : r.error()).orElse(0.0)).toList();
                chart.addSeries(series, TRANSPORTS, scores, errors);
            }
            charts.add(chart);
        }
        BitmapEncoder.saveBitmap(charts, 1, 2, png.toString().replaceFirst("\\.png$", ""),
                BitmapEncoder.BitmapFormat.PNG);
    }

    /** One series of the chart: its result on each transport of {@link #TRANSPORTS}, empty where not measured. */
    List<Optional<JmhResult>> chartBars(String direction, String series, int size) {
        return TRANSPORTS.stream().map(transport -> chartMode(transport, series)
                .flatMap(mode -> transfer(direction, transport, mode, size))).toList();
    }

    /** The mode that a series of the chart shows on a transport: SMB encryption is "double" over QUIC. */
    static Optional<String> chartMode(String transport, String series) {
        boolean tcp = transport.equals("tcp");
        return switch (series) {
            case "raw stream" -> Optional.of("raw");
            case "SMB signed, not encrypted" -> Optional.of(unencrypted(transport));
            case "SMB unsigned, QUIC alone" -> tcp ? Optional.empty() : Optional.of(UNSIGNED);
            default -> Optional.of((tcp ? "" : "double-") + series.substring("SMB ".length()));
        };
    }

    // ---- helpers

    private Optional<JmhResult> find(Predicate<JmhResult> which) {
        return results.stream().filter(which).findFirst();
    }

    private static String score(Optional<JmhResult> result) {
        return result.map(r -> Double.isNaN(r.error()) ? format(r.score())
                : format(r.score()) + " ± " + format(r.error())).orElse("n/a");
    }

    private static String ratio(Optional<JmhResult> result, Optional<JmhResult> base) {
        return result.isPresent() && base.isPresent() && base.get().score() > 0
                ? format2(result.get().score() / base.get().score()) : "n/a";
    }

    static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String format2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String sizeName(int bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " B";
    }
}
