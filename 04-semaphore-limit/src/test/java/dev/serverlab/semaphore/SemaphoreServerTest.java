package dev.serverlab.semaphore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.LaunchContract;
import dev.serverlab.testkit.BadInputContract;
import dev.serverlab.testkit.ConcurrencyContract;
import dev.serverlab.testkit.IdleClients;
import dev.serverlab.testkit.OneRequestPerConnectionContract;
import dev.serverlab.testkit.Parallel;
import dev.serverlab.testkit.Polling;
import dev.serverlab.testkit.RawClient;
import dev.serverlab.testkit.RawResponse;
import dev.serverlab.testkit.Requests;
import dev.serverlab.testkit.RoutesContract;
import dev.serverlab.testkit.SlowRequests;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stage 04 keeps stage 03's contracts (with a limit well above what they
 * need) and adds a bound: with two permits, a third slow client is turned
 * away at once or made to wait, and permits come back on every path. Its
 * limitation is a passing test: a waiting client learns nothing, parked in
 * the kernel's accept queue. "At most N at once" itself is
 * {@link dev.serverlab.testkit.LimitsContract}, claimed by
 * {@link SemaphoreWaitLimitsTest} and {@link SemaphoreRejectLimitsTest}.
 */
class SemaphoreServerTest
        implements RoutesContract, BadInputContract, OneRequestPerConnectionContract, ConcurrencyContract, LaunchContract {

    private static final int SLEEP_MILLIS = 600;
    /** How long a condition may take to come true: generous, CI machines are slow. */
    private static final Duration SOON = Duration.ofSeconds(10);

    @Override
    public StageServer newServer(ServerConfig config) {
        return new SemaphoreServer(config, 256, WhenFull.WAIT);
    }

    @Override
    public Class<?> mainClass() {
        return Main.class;
    }

    private static SemaphoreServer started(int maxConcurrent, WhenFull whenFull) throws Exception {
        SemaphoreServer server = new SemaphoreServer(ServerConfig.onPort(0), maxConcurrent, whenFull);
        server.start();
        return server;
    }

    /** Two permits, reject: of three slow clients one is told 503 without waiting for a permit. */
    @Test
    void rejectTurnsTheThirdSlowClientAwayAtOnce() throws Exception {
        try (SemaphoreServer server = started(2, WhenFull.REJECT)) {
            var outcome = SlowRequests.inParallel(server.port(), 3, SLEEP_MILLIS);
            assertThat(SlowRequests.statuses(outcome)).containsExactlyInAnyOrder(200, 200, 503);
            // A permit frees no sooner than a served request ends, so a 503 that waited
            // for one would take longer than the quickest 200; a ratio, not a clock.
            assertThat(SlowRequests.slowest(SlowRequests.withStatus(outcome, 503)))
                    .as("the 503 did not wait for a permit")
                    .isLessThan(SlowRequests.fastest(SlowRequests.withStatus(outcome, 200)));
            assertThat(server.stats().snapshot().rejected()).isEqualTo(1);
        }
    }

    /** The refusal says when to come back (RFC 9110 §10.2.3) and closes the connection. */
    @Test
    void refusalIs503WithRetryAfter() throws Exception {
        try (SemaphoreServer server = started(2, WhenFull.REJECT);
             IdleClients holders = IdleClients.open(server.port(), 2)) {
            Polling.until("both permits taken", () -> server.availablePermits() == 0, SOON);
            try (RawClient third = RawClient.connect(server.port())) {
                RawResponse response = third.send(Requests.get("/echo/third")).readResponse();
                assertThat(response.status()).isEqualTo(503);
                assertThat(response.header("Retry-After")).contains("1");
                assertThat(response.header("Connection")).contains("close");
                assertThat(third.awaitClosedByServer(Duration.ofSeconds(5))).isTrue();
            }
        }
    }

    /** Two permits, wait: all three slow clients are served, the third only after a permit frees. */
    @Test
    void waitServesTheThirdSlowClientAfterAPermitFrees() throws Exception {
        try (SemaphoreServer server = started(2, WhenFull.WAIT)) {
            var outcome = SlowRequests.inParallel(server.port(), 3, SLEEP_MILLIS);
            assertThat(SlowRequests.statuses(outcome)).containsOnly(200);
            assertThat(SlowRequests.slowest(outcome.results())).isGreaterThanOrEqualTo(Duration.ofMillis(2 * SLEEP_MILLIS - 20));
            assertThat(server.stats().snapshot().rejected()).isZero();
        }
    }

    /**
     * A hundred clients that fail in every way a client can — leave at
     * once, stop mid-request, send garbage, vanish before the answer — and
     * code on a connection thread that throws: afterwards every permit is
     * free and two slow requests are served side by side again.
     */
    // tag::permits-come-back[]
    @Test
    void permitsComeBackAfterAHundredFailingClients() throws Exception {
        try (SemaphoreServer server = started(2, WhenFull.REJECT)) {
            Parallel.run(100, i -> failInWay(i % 4, server.port()));
            server.handOff(socketThatThrows()); // as if the handler blew up on its thread

            Polling.until("every permit back", () -> server.availablePermits() == 2, SOON);
            var outcome = SlowRequests.inParallel(server.port(), 2, 300);
            assertThat(SlowRequests.statuses(outcome)).containsOnly(200);
        }
    }
    // end::permits-come-back[]

    private static Void failInWay(int way, int port) throws Exception {
        try (RawClient client = RawClient.connect(port)) {
            switch (way) {
                case 0 -> { } // connect and leave without a word
                case 1 -> client.send("GET /echo/half HTTP/1.1\r\nHo"); // leave mid-request
                case 2 -> client.send("GARBAGE\r\n\r\n").readResponse(); // 400 (or 503)
                default -> client.send(Requests.get("/sleep/100")); // leave before the answer
            }
        }
        return null;
    }

    private static Socket socketThatThrows() {
        return new Socket() {
            @Override
            public InputStream getInputStream() {
                throw new IllegalStateException("a bug on the connection thread");
            }
        };
    }

    /**
     * The limitation. One permit, held by a silent client. A second client
     * is accepted and held by the acceptor, waiting for the permit; a third
     * connects — the kernel completes its handshake — but is never accepted
     * at all. Neither hears a thing until the permit frees; then both are
     * served. A waiting client cannot tell "slow" from "dead".
     */
    // tag::waiting-unseen[]
    @Test
    void waitingClientsLearnNothingInTheAcceptQueue() throws Exception {
        try (SemaphoreServer server = started(1, WhenFull.WAIT)) {
            RawClient holder = RawClient.connect(server.port());
            Polling.until("the permit is taken", () -> server.availablePermits() == 0, SOON);
            try (RawClient second = RawClient.connect(server.port());
                 RawClient third = RawClient.connect(server.port())) {
                second.send(Requests.get("/echo/second"));
                third.send(Requests.get("/echo/third")).readTimeout(Duration.ofMillis(300));
                Polling.until("the acceptor holds the second", () -> server.stats().snapshot().accepted() == 2, SOON);

                assertThat(catchThrowable(third::readResponse)).isInstanceOf(SocketTimeoutException.class);
                assertThat(server.stats().snapshot().accepted()).as("third still in the kernel's queue").isEqualTo(2);

                holder.close(); // the permit frees
                third.readTimeout(Duration.ofSeconds(10));
                assertThat(List.of(second.readResponse().bodyText(), third.readResponse().bodyText()))
                        .containsExactly("second", "third");
            }
        }
    }
    // end::waiting-unseen[]
}
