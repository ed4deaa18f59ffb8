package dev.serverlab.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * End-to-end: one operation is one {@code GET /echo/hello} over loopback,
 * from a benchmark thread's own blocking {@link EchoClient} to a server
 * running in a JVM of its own ({@link ServerMain}, started per trial by
 * {@link ChildServer}), so the clients' threads and garbage do not share
 * the server's heap, collector and JIT. It measures everything a request costs: the
 * kernel's TCP work, the server's threads and hand-offs, the codec and the
 * application, and (without keep-alive) the connection set-up and
 * tear-down. Client and server share the machine's cores, so a server
 * that needs fewer context switches per request leaves more CPU to the
 * client and scores higher: that is part of what is measured.
 *
 * <p>Two benchmarks on the same operation: {@code throughput} (requests
 * per second, all threads together) and {@code latency} (JMH's sample
 * time: the distribution of single requests' times; the report shows p50
 * and p99). Concurrency is JMH's thread count, one
 * client connection per thread:
 *
 * <pre>
 * # every server, median and min-max of 2 forks x 5 iterations (chapter 09)
 * java -jar benchmarks/target/benchmarks.jar ThroughputBenchmark -t 4 \
 *      -f 2 -wi 5 -w 2s -i 5 -r 2s -rf json -rff throughput.json
 * # quick: keep-alive throughput only, every server ranked, under 5 minutes
 * java -jar benchmarks/target/benchmarks.jar 'ThroughputBenchmark.throughput' -p keepAlive=true -t 4 \
 *      -f 1 -wi 5 -w 2s -i 3 -r 2s -rf json -rff quick.json
 * # one server, several concurrency levels (one run per -t):
 * for t in 1 4 16 64; do java -jar benchmarks/target/benchmarks.jar ThroughputBenchmark \
 *      -p server=07-nio -t $t -rf json -rff tp-$t.json; done
 * </pre>
 *
 * <p>{@code keepAlive=true}: the client reuses its connection as long as
 * the server lets it; stages 02–05 answer {@code Connection: close}, so
 * they reconnect every time anyway. {@code keepAlive=false}: every
 * request says {@code Connection: close} (and the stages that can keep
 * alive are started with keep-alive off), so every operation opens a new
 * TCP connection.
 */
@State(Scope.Benchmark)
public class ThroughputBenchmark {

    @Param({"02-sequential", "03-thread-per-connection", "04-semaphore-limit", "05-thread-pool",
            "06-keepalive-idle", "07-nio", "08-virtual-threads", "netty", "microhttp", "jdk-httpserver"})
    public String server;

    @Param({"true", "false"})
    public boolean keepAlive;

    private ChildServer running;

    // One fresh server process per trial: warm-up iterations warm its JIT, and nothing of the last server remains.
    @Setup(Level.Trial)
    public void startServer() throws IOException {
        running = ChildServer.start(List.of(), ServerMain.class.getName(), List.of(server, Boolean.toString(keepAlive)),
                false);
    }

    @TearDown(Level.Trial)
    public void stopServer() {
        running.close();
    }

    /** One benchmark thread's connection (or connections, when the server closes each one). */
    @State(Scope.Thread)
    public static class Client {
        EchoClient client;

        @Setup(Level.Trial)
        public void connect(ThroughputBenchmark benchmark) {
            client = new EchoClient(benchmark.running.port(), "/echo/hello", benchmark.keepAlive);
        }

        @TearDown(Level.Trial)
        public void close() {
            client.close();
        }
    }

    /** Requests per second, all benchmark threads together. */
    // tag::benchmark[]
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int throughput(Client c) throws IOException {
        return c.client.get();
    }
    // end::benchmark[]

    /** The same request, timed one by one: the report reads p50 and p99 from it. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int latency(Client c) throws IOException {
        return c.client.get();
    }
}
