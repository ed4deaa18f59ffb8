package dev.serverlab.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of a JMH result file ({@code -rf json}): one benchmark method,
 * one combination of {@code @Param} values, one thread count.
 *
 * @param benchmark   {@code Class.method}, without the package
 * @param mode        {@code thrpt}, {@code avgt}, {@code sample}, {@code ss}
 * @param params      the {@code @Param} values, in file order
 * @param percentiles for sample mode, keyed "50.0", "99.0", ...
 * @param secondary   secondary metrics (e.g. {@code gc.alloc.rate.norm}) as score and unit
 * @param samples     every measurement iteration's score, all forks together ({@code rawData});
 *                    empty for sample mode, whose raw data is a histogram
 */
public record JmhResult(String benchmark, String mode, int threads, Map<String, String> params,
                        double score, double error, String unit, Map<String, Double> percentiles,
                        Map<String, Metric> secondary, List<Double> samples) {

    public JmhResult(String benchmark, String mode, int threads, Map<String, String> params, double score,
                     double error, String unit, Map<String, Double> percentiles, Map<String, Metric> secondary) {
        this(benchmark, mode, threads, params, score, error, unit, percentiles, secondary, List.of());
    }

    public record Metric(double score, double error, String unit) {
    }

    public static List<JmhResult> read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    public static List<JmhResult> parse(String json) {
        return ((List<Object>) Json.parse(json)).stream()
                .map(o -> from((Map<String, Object>) o))
                .toList();
    }

    /**
     * The median of the iterations, or the score when there is one iteration or none recorded.
     * A median of few iterations is what a noisy machine allows: JMH's score is their mean,
     * and its error a Student-t interval that three samples stretch by a factor of ten or more.
     */
    public double median() {
        if (samples.size() < 2) {
            return score;
        }
        List<Double> sorted = samples.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    /** The slowest and fastest iteration: what a reader can check by re-running. */
    public double min() {
        return samples.stream().mapToDouble(Double::doubleValue).min().orElse(score);
    }

    public double max() {
        return samples.stream().mapToDouble(Double::doubleValue).max().orElse(score);
    }

    /** The larger distance from the median to min or max, in percent of the median (the "±" a reader may quote). */
    public double spreadPercent() {
        double median = median();
        return median == 0 ? Double.NaN : 100 * Math.max(max() - median, median - min()) / median;
    }

    /** The parameters and thread count, e.g. {@code keepAlive=true t=4}: what tells two rows of one benchmark apart. */
    public String setting(String without) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (!k.equals(without)) {
                sb.append(k).append('=').append(v).append(' ');
            }
        });
        return sb.append("t=").append(threads).toString();
    }

    /** The parameters alone, e.g. {@code keepAlive=true server=07-nio}. */
    public String paramsText() {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static JmhResult from(Map<String, Object> entry) {
        String fullName = (String) entry.get("benchmark");
        String[] parts = fullName.split("\\.");
        String shortName = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : fullName;
        Map<String, String> params = new LinkedHashMap<>();
        if (entry.get("params") instanceof Map<?, ?> p) {
            p.forEach((k, v) -> params.put((String) k, String.valueOf(v)));
        }
        Map<String, Object> primary = (Map<String, Object>) entry.get("primaryMetric");
        Map<String, Double> percentiles = new LinkedHashMap<>();
        if (primary.get("scorePercentiles") instanceof Map<?, ?> p) {
            p.forEach((k, v) -> percentiles.put((String) k, Json.number(v)));
        }
        Map<String, Metric> secondary = new LinkedHashMap<>();
        if (entry.get("secondaryMetrics") instanceof Map<?, ?> s) {
            s.forEach((k, v) -> {
                Map<String, Object> m = (Map<String, Object>) v;
                secondary.put((String) k, new Metric(Json.number(m.get("score")), Json.number(m.get("scoreError")),
                        (String) m.get("scoreUnit")));
            });
        }
        List<Double> samples = new ArrayList<>();
        if (primary.get("rawData") instanceof List<?> forks) {
            forks.forEach(fork -> ((List<Object>) fork).forEach(v -> samples.add(Json.number(v))));
        }
        return new JmhResult(shortName, (String) entry.get("mode"), (int) Json.number(entry.get("threads")), params,
                Json.number(primary.get("score")), Json.number(primary.get("scoreError")),
                (String) primary.get("scoreUnit"), percentiles, secondary, List.copyOf(samples));
    }
}
