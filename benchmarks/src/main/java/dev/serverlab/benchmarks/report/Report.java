package dev.serverlab.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
            System.out.print(compare(JmhResult.read(Path.of(args[1])), JmhResult.read(Path.of(args[2])),
                    Path.of(args[1]).getFileName().toString(), Path.of(args[2]).getFileName().toString()));
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

    /**
     * A markdown table of every result present in both runs: benchmark,
     * setting, score in each (p50 for sample mode) and {@code b / a}. A
     * result present in one run only is listed with a dash.
     */
    // tag::compare[]
    public static String compare(List<JmhResult> a, List<JmhResult> b, String nameA, String nameB) {
        Map<String, JmhResult> first = byKey(a);
        Map<String, JmhResult> second = byKey(b);
        StringBuilder sb = new StringBuilder("| benchmark | setting | " + nameA + " | " + nameB + " | "
                + nameB + " / " + nameA + " |\n|---|---|---:|---:|---:|\n");
        Map<String, JmhResult> all = new LinkedHashMap<>(first);
        second.forEach(all::putIfAbsent);
        all.forEach((key, any) -> {
            double x = headline(first.get(key));
            double y = headline(second.get(key));
            String ratio = Double.isNaN(x) || Double.isNaN(y) || x == 0 ? "–"
                    : String.format(Locale.ROOT, "%.2f×", y / x);
            sb.append("| ").append(any.benchmark()).append(" | ").append(any.setting(""))
                    .append(" | ").append(Table.format(x)).append(" | ").append(Table.format(y))
                    .append(" | ").append(ratio).append(" |\n");
        });
        return sb.toString();
    }
    // end::compare[]

    private static Map<String, JmhResult> byKey(List<JmhResult> results) {
        Map<String, JmhResult> map = new LinkedHashMap<>();
        results.forEach(r -> map.put(r.benchmark() + " " + r.setting(""), r));
        return map;
    }

    /** The one number a result is compared by: the score, or for sample mode the median. */
    private static double headline(JmhResult r) {
        if (r == null) {
            return Double.NaN;
        }
        return r.mode().equals("sample") ? r.percentiles().getOrDefault("50.0", Double.NaN) : r.score();
    }
}
