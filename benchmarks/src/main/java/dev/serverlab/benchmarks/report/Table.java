package dev.serverlab.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One benchmark's results as a grid: a row per server (or per benchmark
 * method, when there is no {@code server} parameter), a column per
 * setting (other parameters and the thread count). Each cell keeps its
 * text and the one number a bar chart draws. A throughput or time cell is
 * the median of the iterations with their min–max, not JMH's mean ± a
 * Student-t interval: with three iterations that interval is about thirty
 * times their spread and says nothing a reader can use.
 *
 * @param title   e.g. {@code ThroughputBenchmark.throughput: ops/s (higher is better)}
 * @param values  per row, per column; NaN where a combination was not run
 */
public record Table(String title, String rowHeader, List<String> columns, List<String> rows,
                    List<List<String>> cells, List<List<Double>> values, String unit) {

    /** The tables of a result file: one per benchmark, and one per secondary metric worth showing. */
    public static List<Table> from(List<JmhResult> results) {
        Map<String, List<JmhResult>> groups = new LinkedHashMap<>();
        for (JmhResult r : results) {
            groups.computeIfAbsent(groupOf(r), k -> new ArrayList<>()).add(r);
        }
        List<Table> tables = new ArrayList<>();
        groups.forEach((group, rs) -> {
            tables.add(build(group, rs, null));
            if (rs.stream().anyMatch(r -> r.secondary().containsKey("gc.alloc.rate.norm"))) {
                tables.add(build(group, rs, "gc.alloc.rate.norm"));
            }
        });
        return tables;
    }

    private static String groupOf(JmhResult r) {
        return r.params().containsKey("server") ? r.benchmark() : r.benchmark().substring(0, r.benchmark().indexOf('.'));
    }

    private static String rowOf(JmhResult r) {
        return r.params().getOrDefault("server", r.benchmark().substring(r.benchmark().indexOf('.') + 1));
    }

    private static Table build(String group, List<JmhResult> rs, String metric) {
        Set<String> rows = new LinkedHashSet<>();
        Set<String> columns = new LinkedHashSet<>();
        for (JmhResult r : rs) {
            rows.add(rowOf(r));
            columns.add(r.setting("server"));
        }
        List<String> rowList = List.copyOf(rows);
        List<String> columnList = List.copyOf(columns);
        List<List<String>> cells = new ArrayList<>();
        List<List<Double>> values = new ArrayList<>();
        for (int i = 0; i < rowList.size(); i++) {
            cells.add(new ArrayList<>(java.util.Collections.nCopies(columnList.size(), "–")));
            values.add(new ArrayList<>(java.util.Collections.nCopies(columnList.size(), Double.NaN)));
        }
        String unit = "";
        boolean sample = false;
        for (JmhResult r : rs) {
            int row = rowList.indexOf(rowOf(r));
            int column = columnList.indexOf(r.setting("server"));
            if (metric != null) {
                JmhResult.Metric m = r.secondary().get(metric);
                if (m == null) {
                    continue;
                }
                unit = m.unit();
                cells.get(row).set(column, format(m.score()));
                values.get(row).set(column, m.score());
            } else if (r.mode().equals("sample")) {
                sample = true;
                unit = r.unit();
                double p50 = r.percentiles().getOrDefault("50.0", Double.NaN);
                double p99 = r.percentiles().getOrDefault("99.0", Double.NaN);
                cells.get(row).set(column, format(p50) + " / " + format(p99));
                values.get(row).set(column, p50);
            } else {
                unit = r.unit();
                cells.get(row).set(column, r.samples().size() < 2 ? format(r.score())
                        : format(r.median()) + " (" + format(r.min()) + "–" + format(r.max()) + ")");
                values.get(row).set(column, r.median());
            }
        }
        String what = metric != null ? metric + ", " + unit + " (lower is better)"
                : sample ? "latency p50 / p99, " + unit + " (lower is better; the chart shows p50)"
                : unit + (unit.endsWith("/s") ? " (higher is better)" : " (lower is better)");
        return new Table(group + ": " + what, rs.get(0).params().containsKey("server") ? "server" : "benchmark",
                columnList, rowList, cells, values, unit);
    }

    /** The table in GitHub markdown. */
    public String markdown() {
        StringBuilder sb = new StringBuilder("| ").append(rowHeader).append(" |");
        columns.forEach(c -> sb.append(' ').append(c).append(" |"));
        sb.append("\n|---|");
        columns.forEach(c -> sb.append("---:|"));
        sb.append('\n');
        for (int i = 0; i < rows.size(); i++) {
            sb.append("| ").append(rows.get(i)).append(" |");
            cells.get(i).forEach(c -> sb.append(' ').append(c).append(" |"));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Three significant figures at most, thousands separated: 38,218 · 791 · 12.3 · 0.845. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double abs = Math.abs(v);
        String pattern = abs >= 100 ? "%,.0f" : abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, v);
    }
}
