package dev.serverlab.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import dev.serverlab.benchmarks.report.SvgChart;
import dev.serverlab.benchmarks.report.Table;

/**
 * Memory and threads per idle connection: what chapter 03 estimated,
 * measured. Not JMH: one careful reading before and after, per server and
 * per connection count, is the measurement.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.serverlab.benchmarks.IdleConnectionFootprint \
 *      --connections 1000,10000 --out footprint.md
 * </pre>
 *
 * <p>For each server and each N: start the server in a child JVM (its own
 * process, so what is read is the server alone), warm it with 200
 * requests, read it, open N connections from this JVM and leave them idle,
 * read it again, report the difference divided by N. Before each reading
 * a JVM server is told to collect its garbage and to hand the native memory
 * it has freed back to the kernel ({@link ChildServer#read}): RSS then
 * counts what the server holds, not what glibc keeps for later. A reading is the
 * kernel's {@code VmRSS} (resident), {@code VmSize} (reserved address
 * space) and {@code Threads} from {@code /proc/PID/status}, native memory
 * tracking's thread-stack reserved and committed figures and the committed
 * heap ({@code jcmd PID VM.native_memory summary}), and for a stage the
 * {@code active} and {@code live_threads} of its {@code /stats}.
 *
 * <p>An idle connection is one a client has used once and now says
 * nothing on: for the keep-alive servers it sends one {@code GET /echo/hello},
 * reads the answer, and waits. Stage 03 closes a connection after one
 * answer, so its idle client is one that connected and has not yet sent
 * a request: its thread waits in {@code read()}, as a keep-alive thread
 * would between requests. Idle timeouts are switched off so nothing is
 * closed while the count grows.
 */
public final class IdleConnectionFootprint {

    private static final int WARM_UP_REQUESTS = 200;

    /** How one server is launched in the child JVM. */
    record Launch(String name, List<String> jvmOptions, String mainClass, List<String> args, boolean keepAlive,
                  boolean hasStats, boolean threadPerConnection) {
    }

    private IdleConnectionFootprint() {
    }

    // tag::launches[]
    static Launch launch(String name, int connections) {
        String room = Integer.toString(connections + 64);
        List<String> none = List.of();
        return switch (name) {
            case "03-thread-per-connection" -> new Launch(name, none, "dev.serverlab.threadperconnection.Main",
                    List.of("--port", "0"), false, true, true);
            // 06's pool is prestarted: its N threads exist before the first connection. No /stats:
            // with every worker holding an idle connection, that request would wait in the queue.
            case "06-keepalive-idle" -> new Launch(name, none, "dev.serverlab.keepalive.Main",
                    List.of("--port", "0", "--workers", Integer.toString(Math.min(connections + 64, 10_000)),
                            "--idle-timeout", "0"), true, false, true);
            case "07-nio" -> new Launch(name, none, "dev.serverlab.nio.Main",
                    List.of("--port", "0", "--idle-timeout", "0"), true, true, false);
            case "08-virtual-threads" -> new Launch(name, none, "dev.serverlab.virtualthreads.Main",
                    List.of("--port", "0", "--idle-timeout", "0", "--max-concurrent", room), true, true, false);
            case "netty", "microhttp" -> new Launch(name, none, "dev.serverlab.benchmarks.peers.PeerMain",
                    List.of(name, "--port", "0"), true, false, false);
            case "jdk-httpserver" -> new Launch(name, List.of("-Dsun.net.httpserver.maxIdleConnections=" + room,
                    "-Dsun.net.httpserver.idleInterval=3600"), "dev.serverlab.benchmarks.peers.PeerMain",
                    List.of(name, "--port", "0"), true, false, false);
            // Not a JVM: only the kernel's figures (RSS, VmSize, threads) apply; the JVM's read -1.
            case "go" -> new Launch(name, none, null, List.of("-port", "0"), true, false, false);
            default -> throw new IllegalArgumentException("no footprint launch for " + name);
        };
    }
    // end::launches[]

    public static void main(String[] args) throws Exception {
        List<Integer> counts = List.of(1_000, 10_000);
        List<String> servers = List.of("03-thread-per-connection", "06-keepalive-idle", "07-nio",
                "08-virtual-threads", "netty", "microhttp", "jdk-httpserver");
        Path out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--connections" -> counts = Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
                case "--servers" -> servers = List.of(args[i + 1].split(","));
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        // The JVM raises its own soft descriptor limit to the hard one (-XX:+MaxFDLimit, on by default):
        // this JVM holds N client sockets, the child N server sockets. Say what we got, and stop early if short.
        String limits = ThreadBudget.readProc("/proc/self/limits");
        java.util.regex.Matcher files = java.util.regex.Pattern.compile("Max open files\\s+(\\d+)").matcher(limits);
        long openFiles = files.find() ? Long.parseLong(files.group(1)) : Long.MAX_VALUE;
        System.out.println("descriptor limit (soft, after the JVM raised it): " + openFiles);
        int most = counts.stream().max(Integer::compare).orElse(0);
        if (openFiles < most + 100L) {
            throw new IllegalStateException(most + " connections need more than the " + openFiles
                    + " descriptors allowed: raise the hard limit (ulimit -Hn) first");
        }
        int safeThreads = ThreadBudget.safePlatformThreads();
        StringBuilder table = new StringBuilder(header(safeThreads));
        for (String server : servers) {
            for (int n : counts) {
                if (server.equals("go") && !goOnPath()) {
                    System.out.println("skipping go: no go on the PATH");
                    continue;
                }
                Launch launch = launch(server, n);
                if (launch.threadPerConnection() && n > safeThreads) {
                    table.append(String.format(Locale.ROOT, "| %s | %,d | skipped: %,d threads is over this machine's safe budget of %,d | | | | | | | | | | |%n",
                            server, n, n, safeThreads));
                    continue;
                }
                String row = measure(launch, n);
                System.out.print(row);
                table.append(row);
            }
        }
        System.out.println();
        System.out.print(table);
        if (out != null) {
            Files.writeString(out, table);
            Path svg = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.md$", "") + ".svg");
            Files.writeString(svg, SvgChart.render(chart()));
        }
    }

    private static String header(int safeThreads) {
        return "Per idle connection = (after − before) / N. RSS = resident memory, VmSize = reserved address space;"
                + " stacks from native memory tracking. Before each reading of a JVM server: jcmd GC.run and"
                + " jcmd System.trim_native_heap, so RSS counts what the process holds, not what it has freed and"
                + " glibc has kept; \"RSS untrimmed\" is read just before them (a Go server gets no such treatment:"
                + " both are the same reading). Safe platform-thread budget here: " + safeThreads + ".\n\n"
                + "| server | N | threads before → after | RSS MiB before → after | RSS KiB/conn | RSS untrimmed KiB/conn"
                + " | VmSize KiB/conn | stack reserved KiB/conn | stack committed KiB/conn | heap committed KiB/conn"
                + " | live heap KiB/conn | /stats live_threads before → after |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    }

    // tag::measure[]
    static String measure(Launch launch, int n) throws Exception {
        try (ChildServer child = launch.mainClass() == null
                ? ChildServer.start(goPeer(launch.args()))
                : ChildServer.start(launch.jvmOptions(), launch.mainClass(), launch.args())) {
            warmUp(child.port(), launch.keepAlive());
            ChildServer.Reading before = child.read(launch.hasStats());
            List<EchoClient> idle = new ArrayList<>(n);
            try {
                for (int i = 0; i < n; i++) {
                    EchoClient client = new EchoClient(child.port(), "/echo/hello", true);
                    idle.add(client);
                    if (launch.keepAlive()) {
                        client.get();       // used once, then left open and silent
                    } else {
                        client.connect();   // 03: connected, no request yet, its thread blocked in read()
                    }
                }
                if (launch.hasStats()) {
                    awaitActive(child, n);
                }
                ChildServer.Reading after = child.read(launch.hasStats());
                if (launch.mainClass() != null) {
                    System.out.println(launch.name() + ": " + child.stackChunks(n));
                }
                System.out.println(launch.name() + ": " + everyOneAnswers(idle));
                return row(launch.name(), n, before, after);
            } finally {
                idle.forEach(EchoClient::close);
            }
        }
    }
    // end::measure[]

    /**
     * With all N connections still open, each asks once more: N answers and no error, or the run stops.
     * This is the scale check (10,000 kept-alive connections at once, every one served), made where the
     * descriptor limit has been raised, in a benchmark run rather than a unit test.
     */
    private static String everyOneAnswers(List<EchoClient> open) {
        int answered = 0;
        int failed = 0;
        String firstFailure = "";
        for (EchoClient client : open) {
            try {
                client.get();
                answered++;
            } catch (IOException e) {
                if (failed++ == 0) {
                    firstFailure = ", first: " + e;
                }
            }
        }
        long reused = open.stream().filter(c -> c.connections() == 1).count();
        String line = String.format(Locale.ROOT, "%,d connections open at once, %,d answered a second request"
                + " (%,d on their first connection), %,d errors%s", open.size(), answered, reused, failed, firstFailure);
        if (failed > 0) {
            throw new IllegalStateException(line);
        }
        return line;
    }

    /** Builds benchmarks/peers/go (run from the repository root) and returns its command line. */
    private static List<String> goPeer(List<String> args) throws IOException, InterruptedException {
        Path dir = Path.of("benchmarks", "peers", "go").toAbsolutePath();
        Path binary = Path.of("benchmarks", "target", "go-peer").toAbsolutePath();
        Process build = new ProcessBuilder("go", "build", "-o", binary.toString(), ".").directory(dir.toFile())
                .inheritIO().start();
        if (build.waitFor() != 0) {
            throw new IOException("go build failed in " + dir);
        }
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(args);
        return command;
    }

    private static boolean goOnPath() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "go")));
    }

    private static void warmUp(int port, boolean keepAlive) throws IOException {
        try (EchoClient client = new EchoClient(port, "/echo/hello", keepAlive)) {
            for (int i = 0; i < WARM_UP_REQUESTS; i++) {
                client.get();
            }
        }
    }

    /** The stage has accepted all N (plus the /stats connection itself): its threads exist. */
    private static void awaitActive(ChildServer child, int n) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            java.util.regex.Matcher active = java.util.regex.Pattern.compile("\"active\":(\\d+)").matcher(child.stats());
            if (active.find() && Long.parseLong(active.group(1)) >= n) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException(child.pid() + " never reported " + n + " active connections");
    }

    /** Per server and N: RSS and live heap KiB per idle connection, for the chart. */
    private static final List<String> CHART_ROWS = new ArrayList<>();
    private static final List<List<Double>> CHART_VALUES = new ArrayList<>();

    private static Table chart() {
        List<List<String>> cells = CHART_VALUES.stream()
                .map(v -> v.stream().map(Table::format).toList()).toList();
        return new Table("Memory per idle keep-alive connection (KiB, lower is better)", "server",
                List.of("RSS KiB/conn", "RSS untrimmed KiB/conn", "live heap KiB/conn"), CHART_ROWS, cells, CHART_VALUES, "KiB");
    }

    private static String row(String name, int n, ChildServer.Reading b, ChildServer.Reading a) {
        CHART_ROWS.add(String.format(Locale.ROOT, "%s, %,d", name, n));
        double live = a.heapLiveKiB() < 0 ? Double.NaN : per(a.heapLiveKiB() - b.heapLiveKiB(), n);
        CHART_VALUES.add(List.of(per(a.rssKiB() - b.rssKiB(), n), per(a.rssUntrimmedKiB() - b.rssUntrimmedKiB(), n),
                live));
        return String.format(Locale.ROOT, "| %s | %,d | %,d → %,d | %,.0f → %,.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n",
                name, n, b.threads(), a.threads(), b.rssKiB() / 1024.0, a.rssKiB() / 1024.0,
                per(a.rssKiB() - b.rssKiB(), n), per(a.rssUntrimmedKiB() - b.rssUntrimmedKiB(), n),
                per(a.vmSizeKiB() - b.vmSizeKiB(), n),
                per(a.stackReservedKiB() - b.stackReservedKiB(), n), per(a.stackCommittedKiB() - b.stackCommittedKiB(), n),
                per(a.heapCommittedKiB() - b.heapCommittedKiB(), n), per(a.heapLiveKiB() - b.heapLiveKiB(), n),
                b.liveThreads() < 0 ? "–" : String.format(Locale.ROOT, "%,d → %,d", b.liveThreads(), a.liveThreads()));
    }

    private static double per(long delta, int n) {
        return (double) delta / n;
    }
}
