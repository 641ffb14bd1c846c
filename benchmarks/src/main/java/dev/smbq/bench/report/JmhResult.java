package dev.smbq.bench.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of JMH's JSON output: which benchmark with which parameters, its score and error (99.9% confidence, NaN
 * when too few iterations), percentiles for sampled modes, the secondary metrics (gc.alloc.rate.norm, counters), and
 * the measured iterations' own scores.
 *
 * @param benchmark  class and method, e.g. {@code TransferBenchmark.upload}
 * @param iterations each measured iteration's score in the order run (empty for sampled modes, which JMH reports
 *                   as a histogram)
 */
record JmhResult(String benchmark, String mode, Map<String, String> params, double score, double error,
                 Map<String, Double> percentiles, Map<String, Double> secondary, List<Double> iterations) {

    static List<JmhResult> read(Path json) throws IOException {
        List<JmhResult> results = new ArrayList<>();
        JsonArray runs = JsonParser.parseString(Files.readString(json)).getAsJsonArray();
        for (JsonElement element : runs) {
            JsonObject run = element.getAsJsonObject();
            String name = run.get("benchmark").getAsString();
            String[] parts = name.split("\\.");
            Map<String, String> params = new LinkedHashMap<>();
            if (run.has("params")) {
                run.getAsJsonObject("params").entrySet().forEach(entry -> params.put(entry.getKey(),
                        entry.getValue().getAsString()));
            }
            JsonObject primary = run.getAsJsonObject("primaryMetric");
            Map<String, Double> percentiles = new LinkedHashMap<>();
            if (primary.has("scorePercentiles")) {
                primary.getAsJsonObject("scorePercentiles").entrySet().forEach(entry -> percentiles.put(entry.getKey(),
                        number(entry.getValue())));
            }
            Map<String, Double> secondary = new LinkedHashMap<>();
            if (run.has("secondaryMetrics")) {
                run.getAsJsonObject("secondaryMetrics").entrySet().forEach(entry -> secondary.put(
                        entry.getKey().replace("\u00b7", ""), number(entry.getValue().getAsJsonObject().get("score"))));
            }
            List<Double> iterations = new ArrayList<>();
            if (primary.has("rawData")) {
                for (JsonElement fork : primary.getAsJsonArray("rawData")) {
                    fork.getAsJsonArray().forEach(iteration -> iterations.add(number(iteration)));
                }
            }
            results.add(new JmhResult(parts[parts.length - 2] + "." + parts[parts.length - 1],
                    run.get("mode").getAsString(), params, number(primary.get("score")), number(primary.get("scoreError")),
                    percentiles, secondary, iterations));
        }
        return results;
    }

    /** JMH writes "NaN" as a string where it has no error estimate. */
    private static double number(JsonElement value) {
        return value.getAsJsonPrimitive().isString() ? Double.parseDouble(value.getAsString()) : value.getAsDouble();
    }

    String param(String name) {
        return params.getOrDefault(name, "");
    }
}
