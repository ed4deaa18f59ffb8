package dev.serverlab.virtualthreads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.LaunchContract;
import dev.serverlab.testkit.BadInputContract;
import dev.serverlab.testkit.ConcurrencyContract;
import dev.serverlab.testkit.KeepAliveContract;
import dev.serverlab.testkit.KeepAliveOptions;
import dev.serverlab.testkit.PartialIoContract;
import dev.serverlab.testkit.RawClient;
import dev.serverlab.testkit.Requests;
import dev.serverlab.testkit.RoutesContract;
import dev.serverlab.testkit.ScaleContract;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Stage 08 passes stage 06's contracts unchanged — it runs stage 06's
 * connection loop — and, on virtual threads, the scale and partial-I/O
 * contracts stage 06 could not: thousands of idle connections on a few
 * platform threads, a client that never reads costing only its own thread.
 * Its own test shows the semaphore that bounds it; {@link PinningTest} shows
 * its sharp edge.
 */
class VirtualThreadServerTest implements RoutesContract, BadInputContract, ConcurrencyContract, KeepAliveContract,
        ScaleContract, PartialIoContract, LaunchContract {

    private static final int MAX_CONCURRENT = 10_000;

    /**
     * The accept loop, the carriers (one per core), and three helpers the JDK
     * starts with the first virtual threads: on JDK 25 the master poller (it
     * wakes virtual threads whose sockets are ready), the scheduler's timer
     * (socket timeouts, sleeps) and the unblocker (monitors, JEP 491).
     * Nothing here grows with connections.
     */
    // tag::platform-threads[]
    @Override
    public int maxPlatformThreads() {
        return 1 + CarrierPins.schedulerParallelism() + 3;
    }
    // end::platform-threads[]


    @Override
    public Class<?> mainClass() {
        return Main.class;
    }

    @Override
    public StageServer newServer(ServerConfig config, KeepAliveOptions options) {
        return new VirtualThreadServer(config, MAX_CONCURRENT,
                options.idleTimeout(), options.readTimeout(), options.keepAlive());
    }

    /**
     * Threads are cheap now, so the limit is put on what is not: connections.
     * With {@code --max-concurrent 2}, two quiet keep-alive clients hold both
     * permits and a third is not served; the moment one of them leaves, its
     * permit goes to the third.
     */
    // tag::max-concurrent[]
    @Test
    void semaphoreBoundsConnectionsServedAtOnce() throws Exception {
        try (StageServer server = new VirtualThreadServer(ServerConfig.onPort(0), 2,
                Duration.ofSeconds(30), Duration.ofSeconds(10), true)) {
            server.start();
            try (RawClient first = RawClient.connect(server.port());
                 RawClient second = RawClient.connect(server.port());
                 RawClient third = RawClient.connect(server.port())) {
                assertThat(first.send(Requests.get("/echo/1")).readResponse().bodyText()).isEqualTo("1");
                assertThat(second.send(Requests.get("/echo/2")).readResponse().bodyText()).isEqualTo("2");

                third.send(Requests.get("/echo/3")).readTimeout(Duration.ofMillis(500));
                assertThat(catchThrowable(third::readResponse))
                        .as("both permits are held by idle keep-alive clients")
                        .isInstanceOf(SocketTimeoutException.class);

                first.close(); // its virtual thread sees EOF, ends, and releases its permit
                third.readTimeout(Duration.ofSeconds(10));
                assertThat(third.readResponse().bodyText()).isEqualTo("3");
            }
        }
    }
    // end::max-concurrent[]
}
