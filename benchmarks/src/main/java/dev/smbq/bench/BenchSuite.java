package dev.smbq.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.smbq.bench.report.BenchReport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.WarmupMode;

/**
 * The whole benchmark suite in one invocation ({@code smbq bench}), so every ratio in the report compares numbers from
 * the same machine and moment: end to end per transport and protection, small I/O, handshakes, and sealing, signing
 * and codec in process (with allocation per operation). It writes {@code results.json} (JMH's own format),
 * {@code results.md}, {@code throughput.png} and {@code machine.txt} into the output directory.
 *
 * <p>The full run gives every row JVMs of its own (a client JVM, and a server JVM for the end-to-end rows), with each
 * benchmark's own settings: all piece sizes, iterations of seconds.
 *
 * <p>The quick run measures every transport and protection at 1 MiB pieces, and the in-process parts at 1 MiB: end to
 * end each row for ten iterations of 0.3 seconds, in process for eight of a quarter of a second, where rows spread far
 * less. JMH's 99.9% error bar is Student's t for one degree of freedom fewer than the iterations, times their spread
 * over the root of their count. Shorter iterations spread more, but more of them shrink t: ten of 0.3 seconds (t 4.8)
 * gave end-to-end bars like those of eight half seconds (t 5.4) in three seconds instead of four, and eight half
 * seconds a narrower bar than five whole ones (t 8.6).
 *
 * <p>End to end, two fresh JVMs on two cores took about eight seconds (ten over quic-kwik) to compile the paths of
 * client and server (codec, signing, QUIC) before a row ran at its warm speed; paid for each of the 55 rows, that
 * warm-up was most of a quarter of an hour. So a quick run measures the rows of one transport in one client JVM against
 * one server JVM ({@link QuickEndToEnd}). JMH first runs every row of a benchmark for half a second, one after the
 * other, so that the JIT compiles what they share; then, row by row, it connects, runs the row for half a second more
 * and measures it ({@link WarmupMode#BULK_INDI}). Measured straight after connecting, a row's first iteration had run
 * up to a third slower than the rest, pulling its mean down and widening its bar. The rows of one transport share the
 * JIT's profile of the code they have in common, so a quick run is an overview and the full run the figure to quote
 * (docs/performance.md compares the two). In process, each row keeps a JVM of its own, warmed up for a second: its
 * code is compiled by then (in a JVM set up as {@link BenchmarkJvm} says), and sharing a JVM there changed what the
 * JIT could prove about allocation (HMAC signing allocated 7.6 KB per message instead of 135 bytes).
 */
public final class BenchSuite {
    static final List<Class<?>> END_TO_END_BENCHMARKS =
            List.of(TransferBenchmark.class, SmallIoBenchmark.class, HandshakeBenchmark.class);
    private static final List<Class<?>> IN_PROCESS_BENCHMARKS = List.of(SealingBenchmark.class,
            PrimitiveAeadBenchmark.class, SigningBenchmark.class, CodecBenchmark.class, HeaderCodecBenchmark.class);
    private static final String END_TO_END = anyOf(END_TO_END_BENCHMARKS);
    private static final String IN_PROCESS = anyOf(IN_PROCESS_BENCHMARKS);
    /**
     * A quick run's warm-up of each end-to-end row (once before any row is measured, and again on the row's own
     * connection), and its measured iterations.
     */
    private static final TimeValue END_TO_END_WARMUP = TimeValue.milliseconds(500);
    private static final int END_TO_END_ITERATIONS = 10;
    private static final TimeValue END_TO_END_ITERATION = TimeValue.milliseconds(300);
    /** A quick run's warm-up of each in-process row, and its measured iterations (their spread is far smaller). */
    private static final TimeValue IN_PROCESS_WARMUP = TimeValue.seconds(1);
    private static final TimeValue IN_PROCESS_ITERATION = TimeValue.milliseconds(250);

    private BenchSuite() {
    }

    public static void run(boolean quick, Path out) throws IOException, RunnerException {
        Files.createDirectories(out);
        Path json = out.resolve("results.json");
        long start = System.nanoTime();
        if (quick) {
            List<Path> parts = new ArrayList<>();
            for (String transport : transports()) {
                Path part = out.resolve("end-to-end-" + transport + ".json");
                runInOwnJvm(QuickEndToEnd.class, part.toString(), transport);
                parts.add(part);
            }
            Path inProcess = out.resolve("in-process.json");
            runJmh(quickInProcess(inProcess));
            parts.add(inProcess);
            joinResults(parts, json);
        } else {
            runJmh(jmh(json).include(END_TO_END).include(IN_PROCESS));
        }
        String machine = machine(quick, TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - start));
        Files.writeString(out.resolve("machine.txt"), machine + "\n");
        BenchReport.write(json, machine);
    }

    /** JMH with allocation figures, writing its JSON to {@code json} and stopping at the first failure. */
    private static ChainedOptionsBuilder jmh(Path json) {
        return new OptionsBuilder().addProfiler(GCProfiler.class).resultFormat(ResultFormatType.JSON)
                .result(json.toString()).shouldFailOnError(true);
    }

    /**
     * A quick run of one end-to-end benchmark in this JVM, at 1 MiB pieces: every row warmed up once, one after the
     * other, before any is measured (JMH's bulk warm-up), then each warmed up again on its trial's connection and
     * measured.
     */
    static ChainedOptionsBuilder quickEndToEnd(Class<?> benchmark, Path json) {
        return jmh(json).include(including(benchmark)).param("ioSize", "1048576").forks(0)
                .warmupMode(WarmupMode.BULK_INDI).warmupIterations(1).warmupTime(END_TO_END_WARMUP)
                .measurementIterations(END_TO_END_ITERATIONS).measurementTime(END_TO_END_ITERATION);
    }

    /** A quick run of the in-process benchmarks, at 1 MiB, each row in a JVM of its own. */
    private static ChainedOptionsBuilder quickInProcess(Path json) {
        return jmh(json).include(IN_PROCESS).param("size", "1048576").warmupIterations(1)
                .warmupTime(IN_PROCESS_WARMUP).measurementIterations(8).measurementTime(IN_PROCESS_ITERATION);
    }

    /** The transports the end-to-end benchmarks measure, in the order of their setups. */
    static List<String> transports() {
        return setups(TransferBenchmark.class).stream().map(setup -> BenchSetup.parse(setup).transport()).distinct()
                .toList();
    }

    /** Runs {@code main} in a JVM of its own, its output shown with ours, and fails if it does. */
    private static void runInOwnJvm(Class<?> main, String... arguments) throws IOException {
        try {
            int status = new ProcessBuilder(BenchmarkJvm.command(main, arguments)).inheritIO().start().waitFor();
            if (status != 0) {
                throw new IOException(main.getSimpleName() + " " + String.join(" ", arguments) + " failed ("
                        + status + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + main.getSimpleName() + " ran", e);
        }
    }

    /** What JMH's include option takes to select every method of any of {@code benchmarks}. */
    private static String anyOf(List<Class<?>> benchmarks) {
        return benchmarks.stream().map(BenchSuite::including).collect(Collectors.joining("|"));
    }

    /** What JMH's include option takes to select every method of {@code benchmark}. */
    private static String including(Class<?> benchmark) {
        return Pattern.quote(benchmark.getName() + ".");
    }

    /** The transports and protections an end-to-end benchmark measures: its {@code setup} parameter's values. */
    static List<String> setups(Class<?> benchmark) {
        try {
            return List.of(benchmark.getField("setup").getAnnotation(Param.class).value());
        } catch (NoSuchFieldException e) {
            throw new IllegalArgumentException(benchmark + " has no setup parameter", e);
        }
    }

    static void runJmh(ChainedOptionsBuilder options) throws RunnerException {
        new Runner(options.build()).run();
    }

    /** JMH's JSON files, each an array of runs, as one array in {@code target}; the parts are removed. */
    static void joinResults(List<Path> parts, Path target) throws IOException {
        JsonArray all = new JsonArray();
        for (Path part : parts) {
            all.addAll(JsonParser.parseString(Files.readString(part)).getAsJsonArray());
        }
        Files.writeString(target, new GsonBuilder().setPrettyPrinting().create().toJson(all) + "\n");
        for (Path part : parts) {
            Files.delete(part);
        }
    }

    /** What the numbers were measured on, for the head of the report. */
    static String machine(boolean quick, long minutes) throws IOException {
        String cpu = "unknown CPU";
        Path cpuInfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuInfo)) {
            try (Stream<String> lines = Files.lines(cpuInfo)) {
                cpu = lines.filter(line -> line.startsWith("model name")).map(line -> line.substring(line.indexOf(':') + 1).trim())
                        .findFirst().orElse(cpu);
            }
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        String jvms = quick ? "end to end, one client JVM and one server JVM per transport"
                : "every row in JVMs of its own";
        return String.format("%s run of %s, %d minutes (%s): %s, %d cores, %d GiB RAM, %s %s, Java %s (%s).",
                quick ? "A quick" : "A full", LocalDate.now(), minutes, jvms, cpu,
                Runtime.getRuntime().availableProcessors(),
                Math.round(memory / (double) (1L << 30)), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }
}
