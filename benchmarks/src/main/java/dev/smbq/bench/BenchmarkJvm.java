package dev.smbq.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Fork;

/**
 * The JVM every benchmark runs in, set up as a long-running deployment's would be. Every benchmark class extends this
 * one, since JMH takes a benchmark's {@link Fork} from its superclass; the benchmark peer and a quick run's end-to-end
 * JVMs start with the same options ({@link #command}).
 */
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.NO_LEAK_DETECTION, BenchmarkJvm.HEAP_MIN, BenchmarkJvm.HEAP_MAX,
        BenchmarkJvm.PRE_TOUCH, BenchmarkJvm.HUGE_PAGES})
public abstract class BenchmarkJvm {
    /**
     * Netty's leak detector off, as in a deployment: its default sampling records a stack trace for one buffer in 128
     * (the tests run it at paranoid level instead).
     */
    static final String NO_LEAK_DETECTION = "-Dio.netty.leakDetection.level=disabled";
    /**
     * A fixed heap whose memory the JVM touches before it starts, as a long-running server's heap has been touched. A
     * fresh JVM's heap otherwise grows into pages the kernel has yet to map and zero, one fault at a time and slowly in
     * a virtual machine: sealing 1 MiB messages ran at about 300 MiB/s for the first second of a fresh JVM and then at
     * 4 GiB/s, before its code was compiled any further; with the heap touched up front, at 4 GiB/s from the first
     * message.
     */
    static final String HEAP_MIN = "-Xms512m";
    static final String HEAP_MAX = "-Xmx512m";
    static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";
    /**
     * The heap in transparent huge pages where the kernel offers them on request (Linux's default): touching 512 MiB
     * then takes about a tenth of a second instead of one.
     */
    static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

    /** The command that runs {@code main} with {@code arguments} in a JVM of its own, set up as this class says. */
    static List<String> command(Class<?> main, String... arguments) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, NO_LEAK_DETECTION, HEAP_MIN, HEAP_MAX, PRE_TOUCH,
                HUGE_PAGES, "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(arguments));
        return command;
    }
}
