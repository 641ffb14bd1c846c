package dev.smbq.cli;

import dev.smbq.bench.BenchSuite;
import dev.smbq.bench.report.BenchReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smbq bench}: the benchmark suite, its JMH JSON, a Markdown report and a chart. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs the JMH suite: end to end over every transport and protection (raw stream, transport-only, "
                + "double encryption, TCP signed and encrypted), small I/O, handshakes, and sealing, signing and codec "
                + "in process. Writes results.json, results.md, throughput.png and machine.txt.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Every transport and protection at 1 MiB pieces, short iterations "
            + "(minutes rather than hours).")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-results",
            description = "Where the results go (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--publish", description = "Also copy the results into README.md and docs/performance.md "
            + "(run from the project root, with --out benchmarks/results).")
    boolean publish;

    @Override
    public Integer call() throws Exception {
        BenchSuite.run(quick, out);
        if (publish) {
            BenchReport.publish(out.resolve("results.md"), Path.of(""));
        }
        spec.commandLine().getOut().println("smbq bench: results in " + out.toAbsolutePath().resolve("results.md"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
