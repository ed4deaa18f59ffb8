package dev.serverlab.checker;

import dev.serverlab.testkit.BadInputContract;
import dev.serverlab.testkit.ConcurrencyContract;
import dev.serverlab.testkit.DescriptorExhaustionContract;
import dev.serverlab.testkit.FloodContract;
import dev.serverlab.testkit.KeepAliveContract;
import dev.serverlab.testkit.LaunchContract;
import dev.serverlab.testkit.LimitsContract;
import dev.serverlab.testkit.OneRequestPerConnectionContract;
import dev.serverlab.testkit.PartialIoContract;
import dev.serverlab.testkit.RoutesContract;
import dev.serverlab.testkit.ScaleContract;
import dev.serverlab.testkit.ShutdownUnderLoadContract;
import dev.serverlab.testkit.SlowReaderContract;
import dev.serverlab.testkit.SlowlorisContract;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * What each stage claims, as groups of contract suites and the flags they
 * run with. It mirrors the stages' own test classes, which configure the
 * same servers in-process: {@code StageClaimsTest} reads those classes and
 * fails when this table and they disagree.
 *
 * <p>The flags are the stages' own (see {@code ./serve NN --help}). The main groups give
 * the contracts room (a pool and queue large enough for a burst of 200
 * connections); the limits groups make the bound small enough to see.
 */
public final class StageClaims {

    /** The contracts a learner's server cannot be checked against from outside, and why. */
    public static final Map<Class<?>, String> LEFT_OUT = Map.of(
            LaunchContract.class, "starts the stage's own Main class in a child JVM (in-process only)",
            ShutdownUnderLoadContract.class, "sends SIGTERM to the stage's own Main in a child JVM (in-process only)",
            FloodContract.class, "polls the counters while the server is full, when GET /stats cannot be answered"
                    + " (in-process only)",
            DescriptorExhaustionContract.class,
            "runs the stage's own Main in a child JVM under a low descriptor limit (in-process only)");

    /**
     * Stage test classes whose claims the checker does not repeat, and why:
     * they run contracts already in the table again, under a flag of this
     * repository's own implementation that a stage of that number need not have.
     */
    public static final Map<String, String> NOT_REPEATED = Map.of(
            "NioServerTwoLoopsTest", "runs 07's contracts again with --loops 2, a flag of serverlab's own 07"
                    + " (a learner's reactor need not have it)");

    /** N for the limits groups: every one of them bounds the server at two requests at once. */
    public static final int LIMIT = 2;

    /**
     * Threads a scale-checked server's process may add while 2,000 connections
     * are open. A thread per connection would add 2,000; a selector with its
     * workers, or virtual threads on their carriers, add a handful, and a
     * runtime adds a few of its own under load (JIT compilers, GC).
     */
    public static final int SCALE_MAX_ADDED_THREADS = 32;

    private static final List<Class<?>> ROUTES_ONE_PER_CONNECTION =
            List.of(RoutesContract.class, BadInputContract.class, OneRequestPerConnectionContract.class);

    private static final SequencedMap<String, List<Group>> STAGES = new LinkedHashMap<>();

    static {
        STAGES.put("01", List.of(
                new Group("main", List.of(), List.of(RoutesContract.class, OneRequestPerConnectionContract.class))));
        STAGES.put("02", List.of(
                new Group("main", List.of(), ROUTES_ONE_PER_CONNECTION)));
        STAGES.put("03", List.of(
                new Group("main", List.of(), plus(ROUTES_ONE_PER_CONNECTION, ConcurrencyContract.class))));
        STAGES.put("04", List.of(
                new Group("main", List.of("--max-concurrent", "256", "--when-full", "wait"),
                        plus(ROUTES_ONE_PER_CONNECTION, ConcurrencyContract.class)),
                new Group("limits-reject", List.of("--max-concurrent", "2", "--when-full", "reject"),
                        List.of(LimitsContract.class)),
                new Group("limits-wait", List.of("--max-concurrent", "2", "--when-full", "wait"),
                        List.of(LimitsContract.class))));
        STAGES.put("05", List.of(
                new Group("main", List.of("--workers", "8", "--queue", "256"),
                        plus(ROUTES_ONE_PER_CONNECTION, ConcurrencyContract.class)),
                new Group("limits", List.of("--workers", "2", "--queue", "1"),
                        List.of(LimitsContract.class)),
                new Group("slowloris", List.of("--workers", "4", "--queue", "64"), List.of(SlowlorisContract.class)),
                new Group("slow-reader", List.of("--workers", "1", "--queue", "4"),
                        List.of(SlowReaderContract.class))));
        STAGES.put("06", List.of(
                new Group("main", List.of("--workers", "8", "--queue", "256"), List.of(RoutesContract.class,
                        BadInputContract.class, ConcurrencyContract.class, KeepAliveContract.class)),
                new Group("slowloris", List.of("--workers", "4", "--queue", "64"), List.of(SlowlorisContract.class)),
                new Group("slow-reader", List.of("--workers", "1", "--queue", "4"),
                        List.of(SlowReaderContract.class))));
        STAGES.put("07", List.of(
                new Group("main", List.of(), List.of(RoutesContract.class, BadInputContract.class,
                        ConcurrencyContract.class, KeepAliveContract.class, PartialIoContract.class)),
                new Group("scale", List.of(), List.of(ScaleContract.class)),
                new Group("slowloris", List.of(), List.of(SlowlorisContract.class))));
        STAGES.put("08", List.of(
                new Group("main", List.of("--max-concurrent", "10000"), List.of(RoutesContract.class,
                        BadInputContract.class, ConcurrencyContract.class, KeepAliveContract.class,
                        PartialIoContract.class)),
                new Group("scale", List.of("--max-concurrent", "10000"), List.of(ScaleContract.class)),
                new Group("limits", List.of("--max-concurrent", "2"),
                        List.of(LimitsContract.class)),
                new Group("slowloris", List.of("--max-concurrent", "10000"), List.of(SlowlorisContract.class)),
                new Group("slow-reader", List.of("--max-concurrent", "1"), List.of(SlowReaderContract.class))));
    }

    private StageClaims() {
    }

    /** Every stage, "01" to "08", with its groups in the order they run. */
    public static SequencedMap<String, List<Group>> stages() {
        return STAGES;
    }

    /** The groups of a stage; empty if there is no such stage. */
    public static List<Group> groupsOf(String stage) {
        return STAGES.getOrDefault(stage, List.of());
    }

    private static List<Class<?>> plus(List<Class<?>> base, Class<?> more) {
        return java.util.stream.Stream.concat(base.stream(), java.util.stream.Stream.of(more)).toList();
    }
}
