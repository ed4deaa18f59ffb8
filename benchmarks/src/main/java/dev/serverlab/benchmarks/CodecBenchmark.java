package dev.serverlab.benchmarks;

import dev.serverlab.core.app.DemoApp;
import dev.serverlab.core.app.ServerStats;
import dev.serverlab.core.http.Request;
import dev.serverlab.core.http.RequestAssembler;
import dev.serverlab.core.http.Response;
import dev.serverlab.core.http.ResponseEncoder;
import dev.serverlab.core.http.Status;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The protocol code alone, in memory, no sockets and no threads: what
 * every stage pays per request whatever its concurrency model. Compare
 * its nanoseconds with {@link ThroughputBenchmark}'s microseconds to see
 * how small a share of an end-to-end request the codec is.
 *
 * <p>Run it with JMH's GC profiler, which adds {@code gc.alloc.rate.norm},
 * the bytes allocated per operation (per request):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CodecBenchmark -prof gc -rf json -rff codec.json
 * </pre>
 *
 * <p>The request is what curl sends; each operation reuses one
 * {@link RequestAssembler}, as a keep-alive connection does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {

    /** Requests in one pipelined batch, as one read from the socket might bring them. */
    public static final int BATCH = 16;

    // tag::request[]
    static final byte[] GET = ("GET /echo/hello HTTP/1.1\r\n"
            + "Host: localhost:4221\r\n"
            + "User-Agent: curl/8.5.0\r\n"
            + "Accept: */*\r\n"
            + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    // end::request[]

    private final byte[] batch = new byte[GET.length * BATCH];
    private final RequestAssembler assembler = new RequestAssembler();
    private final DemoApp app = new DemoApp(new ServerStats(), Optional.empty());
    private final Response hello = Response.text(Status.OK, "hello");

    @Setup
    public void fill() {
        for (int i = 0; i < BATCH; i++) {
            System.arraycopy(GET, 0, batch, i * GET.length, GET.length);
        }
    }

    /** Bytes of one GET in, one {@link Request} out. */
    // tag::parse[]
    @Benchmark
    public Request parseGet() {
        assembler.feed(GET, 0, GET.length);
        return assembler.poll();
    }
    // end::parse[]

    /** Sixteen GETs arrive in one read and are taken out one by one; the score is per request. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void parsePipelined(Blackhole bh) {
        assembler.feed(batch, 0, batch.length);
        for (int i = 0; i < BATCH; i++) {
            bh.consume(assembler.poll());
        }
    }

    /** A 200 {@code text/plain} "hello" into the bytes to write (status line, headers, body). */
    @Benchmark
    public ByteBuffer encodeResponse() {
        return ResponseEncoder.encode(hello, false);
    }

    /** All a server does per request without I/O: parse, route ({@code DemoApp}), encode. */
    @Benchmark
    public ByteBuffer parseHandleEncode() {
        assembler.feed(GET, 0, GET.length);
        return ResponseEncoder.encode(app.handle(assembler.poll()), false);
    }
}
