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
     * N: how many requests the server {@link #newServer} builds serves at
     * once. At least 2, so that "N at once" differs from "one at a time".
     */
    int servedAtOnce();

    @Test
    default void servesUpToTheLimitAtOnce() throws Exception {
        int n = servedAtOnce();
        try (StageServer server = startServer(ServerConfig.onPort(0))) {
            var outcome = SlowRequests.inParallel(server.port(), n, SLEEP_MILLIS);
            assertThat(SlowRequests.statuses(outcome)).containsOnly(200);
            assertThat(outcome.elapsed())
                    .as("N requests at once finish well before N one after another would")
                    .isLessThan(Duration.ofMillis((long) n * SLEEP_MILLIS));
        }
    }

    // tag::never-more[]
    @Test
    default void neverServesMoreThanTheLimitAtOnce() throws Exception {
        int n = servedAtOnce();
        try (StageServer server = startServer(ServerConfig.onPort(0))) {
            var outcome = SlowRequests.inParallel(server.port(), n + 1, SLEEP_MILLIS);

            var served = outcome.results().stream().filter(a -> a.status() == 200).toList();
            var refused = outcome.results().stream().filter(a -> a.status() == 503).toList();
            assertThat(served.size() + refused.size()).as("every answer is 200 or 503").isEqualTo(n + 1);
            assertThat(served).as("the first N are served").hasSizeGreaterThanOrEqualTo(n);
            assertThat(server.stats().snapshot().rejected()).isEqualTo(refused.size());
            if (refused.isEmpty()) {
                Duration last = served.stream().map(SlowRequests.Answer::elapsed).max(Duration::compareTo).orElseThrow();
                assertThat(last).as("the (N+1)th waited for one of the first N to finish")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(2L * SLEEP_MILLIS - 20));
            }
        }
    }
    // end::never-more[]
}
