package dev.smbq.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A quick run's JMH passes (end to end per transport, in process) become one results file, in order. */
class BenchSuiteTest {
    @TempDir
    Path directory;

    @Test
    void joinsTheResultsOfBothPasses() throws IOException {
        JsonArray sample;
        try (InputStream in = BenchSuiteTest.class.getResourceAsStream("/jmh-sample.json")) {
            sample = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonArray();
        }
        JsonArray first = new JsonArray();
        JsonArray second = new JsonArray();
        for (int i = 0; i < sample.size(); i++) {
            (i < 10 ? first : second).add(sample.get(i));
        }
        Path endToEnd = Files.writeString(directory.resolve("end-to-end.json"), first.toString());
        Path inProcess = Files.writeString(directory.resolve("in-process.json"), second.toString());
        Path joined = directory.resolve("results.json");

        BenchSuite.joinResults(List.of(endToEnd, inProcess), joined);

        assertThat(JsonParser.parseString(Files.readString(joined))).isEqualTo(sample);
        assertThat(endToEnd).doesNotExist();
        assertThat(inProcess).doesNotExist();
    }

    @Test
    void readsTheSetupsAnEndToEndBenchmarkMeasures() {
        assertThat(BenchSuite.setups(HandshakeBenchmark.class))
                .containsExactly("tcp/signed", "quic-netty/transport-only", "quic-kwik/transport-only");
    }

    @Test
    void theReportSaysHowTheRunSharedItsJvms() throws IOException {
        assertThat(BenchSuite.machine(true, 7))
                .startsWith("A quick run of ").contains(", 7 minutes (end to end, one client JVM and one server JVM per "
                        + "transport): ");
        assertThat(BenchSuite.machine(false, 90)).startsWith("A full run of ")
                .contains(", 90 minutes (every row in JVMs of its own): ");
    }

    @Test
    void aQuickRunGivesEachTransportOfTheTransfersAJvmOfItsOwn() {
        assertThat(BenchSuite.transports()).containsExactly("tcp", "quic-netty", "quic-kwik");
    }
}
