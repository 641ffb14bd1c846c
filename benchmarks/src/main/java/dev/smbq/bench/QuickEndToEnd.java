package dev.smbq.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One JVM of a quick run's end-to-end pass: {@code QuickEndToEnd JSON TRANSPORT} measures every end-to-end row of that
 * transport in this JVM (JMH without forks), against one peer JVM kept running between the rows, and writes JMH's
 * results to JSON. {@link BenchSuite} starts one per transport, so client and server each compile their code once per
 * transport instead of once per row, and no row shares a JVM with another transport's.
 */
public final class QuickEndToEnd {
    private QuickEndToEnd() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(Path.of(args[0]), args[1]);
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        // the shutdown hook stops the peer; JMH and the transports may leave threads that would keep this JVM alive
        System.exit(status);
    }

    private static void run(Path json, String transport) throws Exception {
        LoopbackPeer.keepPeersBetweenTrials();
        List<Path> parts = new ArrayList<>();
        for (Class<?> benchmark : BenchSuite.END_TO_END_BENCHMARKS) {
            String[] setups = BenchSuite.setups(benchmark).stream()
                    .filter(setup -> BenchSetup.parse(setup).transport().equals(transport)).toArray(String[]::new);
            Path part = Path.of(json + "." + parts.size());
            BenchSuite.runJmh(BenchSuite.quickEndToEnd(benchmark, part).param("setup", setups));
            parts.add(part);
        }
        BenchSuite.joinResults(parts, json);
    }
}
