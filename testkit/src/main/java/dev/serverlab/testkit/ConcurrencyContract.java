package dev.serverlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A stage that serves clients concurrently (03 on): slow requests overlap
 * instead of queueing behind each other, and many clients at once each get
 * their own answer, never a neighbour's.
 *
 * <p>Times are compared, never asserted absolutely: the same slow requests
 * sent one after another are the yardstick for sending them at once. Every
 * client uses a fresh connection and nothing here depends on the server
 * closing it, so stages with persistent connections claim this too. The
 * server {@link #newServer} builds must serve at least {@link #SLOW_CLIENTS}
 * requests at once and take {@link #ECHO_CLIENTS} connections at once
 * without refusing any (serving or queueing them).
 */
public interface ConcurrencyContract extends StageUnderTest {

    /** Slow requests sent at once, and how long each sleeps on the server. */
    int SLOW_CLIENTS = 3;
    int SLEEP_MILLIS = 300;

    /** Parallel time over serial time must stay below this; a server doing one at a time scores about 1. */
    double MAX_PARALLEL_TO_SERIAL = 0.6;

    /** Parallel runs tried before the ratio counts as failed. */
    int PARALLEL_ATTEMPTS = 3;

    /**
     * Parallel time well below serial time, and below the sum of the sleeps:
     * a server that serves one request at a time can never beat that sum,
     * however slow the serial yardstick was (a freshly started server in a
     * process of its own answers its first requests slowly).
     */
    private static boolean overlapped(Parallel.Outcome<?> parallel, Parallel.Outcome<?> serial) {
        return (double) parallel.elapsed().toNanos() / serial.elapsed().toNanos() < MAX_PARALLEL_TO_SERIAL
                && parallel.elapsed().compareTo(Duration.ofMillis((long) SLOW_CLIENTS * SLEEP_MILLIS)) < 0;
    }

    /** Clients that connect at once, each echoing its own text. */
    int ECHO_CLIENTS = 200;

    // tag::overlap[]
    @Test
    default void slowRequestsInParallelTakeAboutAsLongAsOne() throws Exception {
        try (StageServer server = startServer(ServerConfig.onPort(0))) {
            Probes.assertStillServes(server.port()); // first connection warms up both sides
            var serial = SlowRequests.serially(server.port(), SLOW_CLIENTS, SLEEP_MILLIS);
            // Best of a few tries: a busy machine can only make a parallel run slower,
            // never faster than the overlap the server really gives.
            var parallel = SlowRequests.inParallel(server.port(), SLOW_CLIENTS, SLEEP_MILLIS);
            for (int attempt = 1; attempt < PARALLEL_ATTEMPTS && !overlapped(parallel, serial); attempt++) {
                parallel = SlowRequests.inParallel(server.port(), SLOW_CLIENTS, SLEEP_MILLIS);
            }

            assertThat(SlowRequests.statuses(serial)).containsOnly(200);
            assertThat(SlowRequests.statuses(parallel)).containsOnly(200);
            assertThat(serial.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(SLOW_CLIENTS * SLEEP_MILLIS));
            assertThat(overlapped(parallel, serial))
                    .as("parallel %s vs serial %s: ratio below %s", parallel.elapsed(), serial.elapsed(),
                            MAX_PARALLEL_TO_SERIAL)
                    .isTrue();
        }
    }
    // end::overlap[]

    @Test
    default void manyClientsAtOnceEachGetTheirOwnEcho() throws Exception {
        try (StageServer server = startServer(ServerConfig.onPort(0))) {
            var outcome = Parallel.run(ECHO_CLIENTS, i -> {
                try (RawClient client = RawClient.connect(server.port())) {
                    return client.send(Requests.get("/echo/client-" + i)).readResponse();
                }
            });
            for (int i = 0; i < ECHO_CLIENTS; i++) {
                RawResponse response = outcome.results().get(i);
                assertThat(response.status()).as("client %d", i).isEqualTo(200);
                assertThat(response.bodyText()).as("client %d", i).isEqualTo("client-" + i);
            }
        }
    }
}
