package dev.smbq.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.transport.TransportOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Samba's smbtorture against our server over TCP, one subtest at a time, from the list in
 * {@code smbtorture-subset.txt}: each line names a subtest and what it is expected to do, with the reason wherever
 * that is not to pass. A subtest that does otherwise fails this test, including one that starts passing while it is
 * listed as failing (take it off the list: the pass count only grows). The counts are printed at the end.
 * Interop profile ({@code scripts/peers install}).
 */
@Tag("interop")
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class SmbtortureInteropTest {
    private static final String USER = "smbtest";
    private static final String PASSWORD = "Passw0rd!";
    private static final Pattern OUTCOME = Pattern.compile("^(success|failure|error|skip|xfail): (\\S+)");
    private static final Map<String, Integer> COUNTS = new ConcurrentHashMap<>();

    @TempDir
    Path share;

    /** One listed subtest: its name, the outcome expected (pass, fail or skip) and why, if not pass. */
    record Listed(String name, String expected, String reason) {
        @Override
        public String toString() {
            return name + (expected.equals("pass") ? "" : " (" + expected + ": " + reason + ")");
        }
    }

    static Stream<Listed> subset() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SmbtortureInteropTest.class.getResourceAsStream("/smbtorture-subset.txt"), StandardCharsets.UTF_8))) {
            return in.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).map(line -> {
                String[] parts = line.split("\\s+", 3);
                return parts.length == 1 ? new Listed(parts[0], "pass", "")
                        : new Listed(parts[0], parts[1].toLowerCase(java.util.Locale.ROOT), parts.length > 2 ? parts[2] : "");
            }).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subset")
    void subtest(Listed listed) throws Exception {
        assertThat(listed.expected()).as("the list's second word").isIn("pass", "fail", "skip");
        if (!listed.expected().equals("pass")) {
            assertThat(listed.reason()).as("every expected failure or skip says why").isNotBlank();
        }
        try (SmbServer server = new SmbServer(ServerConfig.of(List.of(Share.of("data", share)),
                UserStore.parse(USER + ":password:" + PASSWORD)))) {
            int port = server.listen("tcp", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    TransportOptions.defaults()).getPort();
            Process process = new ProcessBuilder("smbtorture", "//127.0.0.1/data", "-p", String.valueOf(port),
                    "-U", USER + "%" + PASSWORD, "--maximum-runtime=100", listed.name()).redirectErrorStream(true).start();
            try {
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
                String outcome = outcome(output);
                COUNTS.merge(outcome, 1, Integer::sum);
                String expected = switch (listed.expected()) {
                    case "pass" -> "success";
                    case "skip" -> "skip";
                    default -> "failure";
                };
                assertThat(outcome).as(output).isEqualTo(expected);
            } finally {
                process.destroyForcibly();
            }
        }
    }

    /** success, failure (error counts as one), or skip: the last outcome line smbtorture printed. */
    private static String outcome(String output) {
        String outcome = "failure";
        for (String line : output.split("\n")) {
            Matcher matcher = OUTCOME.matcher(line);
            if (matcher.find()) {
                outcome = switch (matcher.group(1)) {
                    case "success" -> "success";
                    case "skip" -> "skip";
                    default -> "failure";
                };
            }
        }
        return outcome;
    }

    @AfterAll
    static void printCounts() {
        System.out.printf("smbtorture against smbq: %d passed, %d failed as listed, %d skipped%n",
                COUNTS.getOrDefault("success", 0), COUNTS.getOrDefault("failure", 0), COUNTS.getOrDefault("skip", 0));
    }
}
