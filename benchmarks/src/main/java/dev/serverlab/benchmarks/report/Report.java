package dev.serverlab.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns JMH's JSON results into what the tutorial shows.
 *
 * <pre>
 * # a markdown table and an SVG bar chart per benchmark: DIR/NAME.md, DIR/NAME-1.svg, ...
 * java -cp benchmarks/target/benchmarks.jar dev.serverlab.benchmarks.report.Report \
 *      throughput.json --out tutorial/benchmarks --name throughput
 * # two runs side by side, with the ratio second / first, on stdout
 * java -cp benchmarks/target/benchmarks.jar dev.serverlab.benchmarks.report.Report --compare a.json b.json
 * </pre>
 *
 * <p>Plain Java, no libraries: the JSON reader is {@link Json}.
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("--compare")) {
            Path a = Path.of(args[1]);
            Path b = Path.of(args[2]);
            boolean sameName = a.getFileName().equals(b.getFileName()); // e.g. quick/x.json and full/x.json
            System.out.print(compare(JmhResult.read(a), JmhResult.read(b), label(a, sameName), label(b, sameName)));
            return;
        }
        if (args.length != 5 || !args[1].equals("--out") || !args[3].equals("--name")) {
            System.err.println("usage: Report RESULTS.json --out DIR --name NAME\n"
                    + "       Report --compare A.json B.json");
            System.exit(2);
        }
        Path dir = Path.of(args[2]);
        Files.createDirectories(dir);
        String name = args[4];
        List<Table> tables = Table.from(JmhResult.read(Path.of(args[0])));
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < tables.size(); i++) {
            String svg = name + "-" + (i + 1) + ".svg";
            Files.writeString(dir.resolve(svg), SvgChart.render(tables.get(i)));
            md.append("### ").append(tables.get(i).title()).append("\n\n")
                    .append(tables.get(i).markdown()).append('\n')
                    .append("![").append(tables.get(i).title()).append("](").append(svg).append(")\n\n");
        }
        Files.writeString(dir.resolve(name + ".md"), md);
        System.out.println("wrote " + dir.resolve(name + ".md") + " and " + tables.size() + " charts");
    }

    private static String label(Path file, boolean withDirectory) {
        Path parent = file.toAbsolutePath().getParent();
        return withDirectory && parent != null ? parent.getFileName() + "/" + file.getFileName()
                : file.getFileName().toString();
    }

    /**
     * A markdown table of the results of two runs, side by side: benchmark,
     * setting, score in each (p50 for sample mode) and {@code b / a}.
     * Results pair up by benchmark and parameters, and by thread count too
     * unless each run has one thread count for them: then {@code -t 4}
     * against {@code -t 16} pairs up, and the setting says {@code t=4→16}.
     * A result with no partner is listed with a dash.
     */
    // tag::compare[]
    public static String compare(List<JmhResult> a, List<JmhResult> b, String nameA, String nameB) {
        Map<String, List<JmhResult>> first = byParams(a);
        Map<String, List<JmhResult>> second = byParams(b);
        Set<String> keys = new LinkedHashSet<>(first.keySet());
        keys.addAll(second.keySet());
        StringBuilder sb = new StringBuilder("| benchmark | setting | " + nameA + " | " + nameB + " | "
                + nameB + " / " + nameA + " |\n|---|---|---:|---:|---:|\n");
        for (String key : keys) {
            List<JmhResult> xs = first.getOrDefault(key, List.of());
            List<JmhResult> ys = second.getOrDefault(key, List.of());
            if (xs.size() == 1 && ys.size() == 1) {
                row(sb, xs.get(0), ys.get(0));
                continue;
            }
            Set<Integer> threads = new TreeSet<>();
            xs.forEach(r -> threads.add(r.threads()));
            ys.forEach(r -> threads.add(r.threads()));
            threads.forEach(t -> row(sb, withThreads(xs, t), withThreads(ys, t)));
        }
        return sb.toString();
    }
    // end::compare[]

    private static void row(StringBuilder sb, JmhResult x, JmhResult y) {
        JmhResult any = x != null ? x : y;
        String threads = x == null || y == null || x.threads() == y.threads() ? "t=" + any.threads()
                : "t=" + x.threads() + "→" + y.threads();
        double vx = headline(x);
        double vy = headline(y);
        String ratio = Double.isNaN(vx) || Double.isNaN(vy) || vx == 0 ? "–"
                : String.format(Locale.ROOT, "%.2f×", vy / vx);
        sb.append("| ").append(any.benchmark()).append(" | ").append(any.paramsText())
                .append(any.params().isEmpty() ? "" : " ").append(threads)
                .append(" | ").append(Table.format(vx)).append(" | ").append(Table.format(vy))
                .append(" | ").append(ratio).append(" |\n");
    }

    private static JmhResult withThreads(List<JmhResult> results, int threads) {
        return results.stream().filter(r -> r.threads() == threads).findFirst().orElse(null);
    }

    private static Map<String, List<JmhResult>> byParams(List<JmhResult> results) {
        Map<String, List<JmhResult>> map = new LinkedHashMap<>();
        results.forEach(r -> map.computeIfAbsent(r.benchmark() + " " + r.paramsText(), k -> new ArrayList<>()).add(r));
        return map;
    }

    /** The one number a result is compared by: the median of the iterations, or for sample mode the p50. */
    private static double headline(JmhResult r) {
        if (r == null) {
            return Double.NaN;
        }
        return r.mode().equals("sample") ? r.percentiles().getOrDefault("50.0", Double.NaN) : r.median();
    }
}
