package dev.serverlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A stage that bounds how many requests it serves at once (04 on): with a
 * limit of N, N slow requests overlap, and an (N+1)th is either turned away
 * (503) or served only after one of the N has finished — never alongside.
 *
 * <p>How the limit is enforced (a semaphore, a pool of N workers) is the
 * stage's business; this contract watches from outside, through time. A
 * request that sleeps S on the server takes at least S; if at most N run
 * at once, the last of N+1 served requests cannot start before one of the
 * first N has ended, so it takes at least 2S. Both are lower bounds that
 * follow from the sleeps, whatever the machine's load.
 */
public interface LimitsContract extends StageUnderTest {

    /** How long each probe request sleeps on the server. */
    int SLEEP_MILLIS = 500;
    /**
     * The sleep of the one probe whose bound is an upper one ("at once"): long
     * enough that overhead on a machine at load average 4 stays well inside it.
     */
    int LONG_SLEEP_MILLIS = 1000;

    /**
     * N: how many requests the server {@link #newServer} builds serves at
     * once. At least 2, so that "N at once" differs from "one at a time".
     */
    int servedAtOnce();

    @Test
    default void servesUpToTheLimitAtOnce() throws Exception {
        int n = servedAtOnce();
        try (StageServer server = startServer(ServerConfig.onPort(0))) {
            var outcome = SlowRequests.inParallel(server.port(), n, LONG_SLEEP_MILLIS);
            assertThat(SlowRequests.statuses(outcome)).containsOnly(200);
            // One at a time, the last would end no sooner than N sleeps after the first
            // began. The margin below that, (N-1) sleeps of LONG_SLEEP_MILLIS, is
            // what a loaded machine may spend on connecting and scheduling.
            assertThat(outcome.elapsed())
                    .as("N requests at once finish before N one after another could")
                    .isLessThan(Duration.ofMillis((long) n * LONG_SLEEP_MILLIS));
        }
    }

    // tag::never-more[]
    @Test
    default void neverServesMoreThanTheLimitAtOnce() throws Exception {
        int n = servedAtOnce();
        try (StageServer server = startServer(ServerConfig.onPort(0))) {
            var outcome = SlowRequests.inParallel(server.port(), n + 1, SLEEP_MILLIS);

            var served = SlowRequests.withStatus(outcome, 200);
            var refused = SlowRequests.withStatus(outcome, 503);
            assertThat(served.size() + refused.size()).as("every answer is 200 or 503").isEqualTo(n + 1);
            assertThat(served).as("the first N are served").hasSizeGreaterThanOrEqualTo(n);
            assertThat(StatsSource.of(server).rejected()).isEqualTo(refused.size());
            if (refused.isEmpty()) {
                assertThat(SlowRequests.slowest(served)).as("the (N+1)th waited for one of the first N to finish")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(2L * SLEEP_MILLIS - 20));
            }
        }
    }
    // end::never-more[]
}
