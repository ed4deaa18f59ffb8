package dev.serverlab.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The report tool on two small result files in JMH's own format
 * ({@code src/test/resources/report}): what it reads, the tables it
 * writes and the ratios it compares.
 */
class ReportTest {

    private static List<JmhResult> sample(String name) throws IOException {
        try (InputStream in = ReportTest.class.getResourceAsStream("/report/" + name)) {
            return JmhResult.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsNamesParamsScoresAndJmhsNaNErrors() throws IOException {
        List<JmhResult> results = sample("sample-a.json");

        assertThat(results).hasSize(5);
        JmhResult first = results.get(0);
        assertThat(first.benchmark()).isEqualTo("ThroughputBenchmark.throughput");
        assertThat(first.mode()).isEqualTo("thrpt");
        assertThat(first.threads()).isEqualTo(4);
        assertThat(first.params()).containsExactly(Map.entry("keepAlive", "true"), Map.entry("server", "07-nio"));
        assertThat(first.score()).isCloseTo(38217.6, within(1e-9));
        assertThat(first.error()).isCloseTo(1200.5, within(1e-9));
        assertThat(first.unit()).isEqualTo("ops/s");
        assertThat(results.get(1).error()).isNaN();
    }

    @Test
    void readsSampleModePercentilesAndTheGcProfilersBytesPerOperation() throws IOException {
        List<JmhResult> results = sample("sample-a.json");

        assertThat(results.get(3).percentiles()).containsEntry("50.0", 98.5).containsEntry("99.0", 412.0);
        JmhResult codec = results.get(4);
        assertThat(codec.params()).isEmpty();
        assertThat(codec.secondary().get("gc.alloc.rate.norm").score()).isCloseTo(2392.006, within(1e-9));
        assertThat(codec.secondary().get("gc.alloc.rate.norm").unit()).isEqualTo("B/op");
    }

    @Test
    void throughputTableHasARowPerServerAndAColumnPerSetting() throws IOException {
        Table throughput = Table.from(sample("sample-a.json")).get(0);

        assertThat(throughput.title()).isEqualTo("ThroughputBenchmark.throughput: ops/s (higher is better)");
        assertThat(throughput.markdown()).isEqualTo("""
                | server | keepAlive=true t=4 | keepAlive=false t=4 |
                |---|---:|---:|
                | 07-nio | 38,200 (37,000–39,400) | 8,682 |
                | 02-sequential | 11,400 (11,000–11,900) | – |
                """);
    }

    @Test
    void latencyTableShowsMedianAndP99AndCodecGetsAnAllocationTable() throws IOException {
        List<Table> tables = Table.from(sample("sample-a.json"));

        assertThat(tables).extracting(Table::title).containsExactly(
                "ThroughputBenchmark.throughput: ops/s (higher is better)",
                "ThroughputBenchmark.latency: latency p50 / p99, us/op (lower is better; the chart shows p50)",
                "CodecBenchmark: ns/op (lower is better)",
                "CodecBenchmark: gc.alloc.rate.norm, B/op (lower is better)");
        assertThat(tables.get(1).cells().get(0)).containsExactly("98.5 / 412");
        assertThat(tables.get(2).markdown()).contains("| parseGet | 800 (700–900) |");
        assertThat(tables.get(3).markdown()).contains("| parseGet | 2,392 |");
    }

    @Test
    void compareShowsBothScoresAndTheirRatioAndADashForAResultInOneRunOnly() throws IOException {
        String table = Report.compare(sample("sample-a.json"), sample("sample-b.json"), "a", "b");

        assertThat(table).startsWith("| benchmark | setting | a | b | b / a |\n|---|---|---:|---:|---:|\n");
        assertThat(table)
                .contains("| ThroughputBenchmark.throughput | keepAlive=true server=07-nio t=4 | 38,200 | 19,100 | 0.50× |")
                .contains("| ThroughputBenchmark.latency | keepAlive=true server=07-nio t=4 | 98.5 | 197 | 2.00× |")
                .contains("| ThroughputBenchmark.throughput | keepAlive=false server=07-nio t=4 | 8,682 | – | – |");
    }

    @Test
    void compareAcrossThreadCountsPairsTheSameBenchmarkAndParameters() throws IOException {
        JmhResult t4 = sample("sample-a.json").get(0);
        JmhResult t16 = new JmhResult(t4.benchmark(), t4.mode(), 16, t4.params(), 57325.0, 100.0, t4.unit(),
                Map.of(), Map.of());

        String table = Report.compare(List.of(t4), List.of(t16), "t4", "t16");

        assertThat(table).endsWith(
                "| ThroughputBenchmark.throughput | keepAlive=true server=07-nio t=4→16 | 38,200 | 57,325 | 1.50× |\n");
    }

    @Test
    void medianAndMinMaxComeFromEveryIterationOfEveryFork() {
        JmhResult twoForks = JmhResult.parse("""
                [{"benchmark": "x.ThroughputBenchmark.throughput", "mode": "thrpt", "threads": 4, "params": {},
                  "primaryMetric": {"score": 101.0, "scoreError": 900.0, "scoreUnit": "ops/s",
                                    "rawData": [[90.0, 110.0], [100.0, 104.0]]}}]
                """).get(0);

        assertThat(twoForks.samples()).containsExactly(90.0, 110.0, 100.0, 104.0);
        assertThat(twoForks.median()).isEqualTo(102.0);
        assertThat(twoForks.min()).isEqualTo(90.0);
        assertThat(twoForks.max()).isEqualTo(110.0);
        assertThat(twoForks.spreadPercent()).isCloseTo(100 * 12.0 / 102, within(1e-9));
    }

    @Test
    void chartDrawsABarPerValueWithItsLabel() throws IOException {
        Table throughput = Table.from(sample("sample-a.json")).get(0);

        String svg = SvgChart.render(throughput);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n");
        // Three values (the fourth cell was not run): three bars, plus two legend swatches and the background.
        assertThat(svg.split("<rect ", -1)).hasSize(1 + 3 + 2 + 1);
        assertThat(svg).contains(">38,200</text>").contains(">07-nio</text>").contains(">02-sequential</text>");
    }

    @Test
    void jsonReaderDecodesEscapesAndRefusesTrailingGarbage() {
        assertThat(Json.parse("{\"a\": [1, -2.5e1, \"x\\u00e9\\\"\", true, null]}"))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(1.0, -25.0, "xé\"", true, null)));
        assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("trailing");
    }
}
