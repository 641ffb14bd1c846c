package dev.smbq.bench;

import dev.smbq.bench.report.BenchReport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The whole benchmark suite in one JMH run ({@code smbq bench}), so every ratio in the report compares numbers from
 * the same machine and moment: end to end per transport and protection, small I/O, handshakes, and sealing, signing
 * and codec in process (with allocation per operation). It writes {@code results.json} (JMH's own format),
 * {@code results.md}, {@code throughput.png} and {@code machine.txt} into the output directory.
 *
 * <p>The quick run measures every transport and protection at 1 MiB pieces and the in-process parts at 1 MiB, with
 * one short warm-up and five measured iterations of a second each (with fewer, JMH's 99.9% error bars grow wider
 * than the scores); the full run takes each benchmark's own settings (all piece sizes, longer iterations).
 */
public final class BenchSuite {
    private static final String ALL = "dev\\.smbq\\.bench\\.(TransferBenchmark|SmallIoBenchmark|HandshakeBenchmark"
            + "|SealingBenchmark|PrimitiveAeadBenchmark|SigningBenchmark|CodecBenchmark|HeaderCodecBenchmark)\\.";

    private BenchSuite() {
    }

    public static void run(boolean quick, Path out) throws IOException, RunnerException {
        Files.createDirectories(out);
        Path json = out.resolve("results.json");
        ChainedOptionsBuilder options = new OptionsBuilder().include(ALL).addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON).result(json.toString()).shouldFailOnError(true);
        if (quick) {
            options.param("ioSize", "1048576").param("size", "1048576")
                    .warmupIterations(1).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1));
        }
        long start = System.nanoTime();
        new Runner(options.build()).run();
        String machine = machine(quick, TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - start));
        Files.writeString(out.resolve("machine.txt"), machine + "\n");
        BenchReport.write(json, machine);
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
        return String.format("%s run of %s, %d minutes: %s, %d cores, %d GiB RAM, %s %s, Java %s (%s).",
                quick ? "A quick" : "A full", LocalDate.now(), minutes, cpu, Runtime.getRuntime().availableProcessors(),
                Math.round(memory / (double) (1L << 30)), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }
}
