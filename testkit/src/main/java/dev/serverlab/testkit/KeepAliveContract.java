package dev.serverlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.http.HttpLimits;
import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Persistent connections as HTTP/1.1 defines them (RFC 9112 §9.3, RFC 9110
 * §7.6.1), for every stage from 06 on: 06 (a pool of blocking workers),
 * 07 (a selector) and 08 (virtual threads) implement this unchanged.
 *
 * <p>A stage supplies {@link #newServer(ServerConfig, KeepAliveOptions)}.
 * Connection reuse is seen from the client's side ({@link RawClient#localPort()})
 * and from the server's ({@code accepted} in {@code /stats}).
 */
public interface KeepAliveContract extends StageUnderTest {

    /** Idle timeout of the timeout tests: short, so the suite stays fast. */
    Duration SHORT_IDLE = Duration.ofMillis(500);
    /** Upper bound for anything that should happen "soon": several seconds, never tight. */
    Duration SOON = Duration.ofSeconds(5);

    /** A new, not yet started server of this stage with these keep-alive settings. */
    StageServer newServer(ServerConfig config, KeepAliveOptions options);

    /** The other contracts' servers: keep-alive stages with their default settings. */
    @Override
    default StageServer newServer(ServerConfig config) {
        return newServer(config, KeepAliveOptions.DEFAULTS);
    }

    /** A started server on a free port with these keep-alive settings. */
    default StageServer startServer(KeepAliveOptions options) throws IOException {
        return startServer(ServerConfig.onPort(0), options);
    }

    default StageServer startServer(ServerConfig config, KeepAliveOptions options) throws IOException {
        StageServer server = newServer(config, options);
        server.start();
        return server;
    }

    // --- reuse ------------------------------------------------------------------------

    /** HTTP/1.1 persists by default: five requests, one connection, one accept. */
    @NeedsOwnServer
    @Test
    default void fiveRequestsReuseOneConnection() throws Exception {
        try (StageServer server = startServer(KeepAliveOptions.DEFAULTS);
             RawClient client = RawClient.connect(server.port())) {
            for (int i = 0; i < 5; i++) {
                RawResponse response = client.send(Requests.get("/echo/r" + i)).readResponse();
                assertThat(response.bodyText()).isEqualTo("r" + i);
                assertThat(response.saysClose()).isFalse();
            }
            String stats = client.send(Requests.get("/stats")).readResponse().bodyText();
            assertThat(StatsJson.field(stats, "accepted")).as("connections accepted").isEqualTo(1);
            assertThat(StatsJson.field(stats, "requests")).isEqualTo(6);
        }
    }

    /** A client that says {@code Connection: close} gets it back, and the server closes. */
    @Test
    default void clientConnectionCloseGetsOneConnectionPerRequest() throws Exception {
        try (StageServer server = startServer(KeepAliveOptions.DEFAULTS)) {
            Set<Integer> ports = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                try (RawClient client = RawClient.connect(server.port())) {
                    RawResponse response = client.send(Requests.get("/echo/r" + i, "Connection: close")).readResponse();
                    assertThat(response.bodyText()).isEqualTo("r" + i);
                    assertThat(response.saysClose()).isTrue();
                    assertThat(client.awaitClosedByServer(SOON)).as("server closed").isTrue();
                    ports.add(client.localPort());
                }
            }
            assertThat(ports).hasSize(5);
            assertThat(StatsSource.of(server).accepted()).isEqualTo(5);
        }
    }

    /** With keep-alive off server-wide, even a client that asks to keep the connection gets a new one per request. */
    @Test
    default void keepAliveOffMeansOneConnectionPerRequest() throws Exception {
        try (StageServer server = startServer(KeepAliveOptions.DEFAULTS.withKeepAlive(false))) {
            try (RawClient client = RawClient.connect(server.port())) {
                RawResponse response = client.send(Requests.get("/echo/x", "Connection: keep-alive")).readResponse();
                assertThat(response.saysClose()).isTrue();
                assertThat(client.awaitClosedByServer(SOON)).isTrue();
            }
            HttpClient http = HttpClients.newClient(); // a client that would gladly reuse
            for (int i = 0; i < 5; i++) {
                var response = HttpClients.getText(http, server.port(), "/echo/h" + i);
                assertThat(response.body()).isEqualTo("h" + i);
                assertThat(response.headers().firstValue("Connection")).hasValue("close");
            }
            assertThat(StatsSource.of(server).accepted()).isEqualTo(1 + 5);
        }
    }

    /**
     * The JDK's client pools connections per host: talking to two servers in
     * turn, it keeps one connection to each, as each server's {@code /stats} shows.
     */
    @NeedsOwnServer
    @Test
    default void httpClientKeepsOneConnectionPerServer() throws Exception {
        try (StageServer one = startServer(KeepAliveOptions.DEFAULTS);
             StageServer two = startServer(KeepAliveOptions.DEFAULTS)) {
            HttpClient http = HttpClients.newClient();
            for (int i = 0; i < 5; i++) {
                assertThat(HttpClients.getText(http, one.port(), "/echo/one").body()).isEqualTo("one");
                assertThat(HttpClients.getText(http, two.port(), "/echo/two").body()).isEqualTo("two");
            }
            for (StageServer server : new StageServer[] {one, two}) {
                String stats = HttpClients.getText(http, server.port(), "/stats").body();
                assertThat(StatsJson.field(stats, "accepted")).as("connections to one server").isEqualTo(1);
                assertThat(StatsJson.field(stats, "requests")).isEqualTo(6);
            }
        }
    }

    // --- HTTP/1.0 ---------------------------------------------------------------------

    /** HTTP/1.0 assumes close unless asked otherwise (RFC 9112 §9.3). */
    @Test
    default void http10WithoutKeepAliveIsClosed() throws Exception {
        try (StageServer server = startServer(KeepAliveOptions.DEFAULTS);
             RawClient client = RawClient.connect(server.port())) {
            RawResponse response = client.send("GET /echo/old HTTP/1.0\r\n\r\n").readResponse();
            assertThat(response.bodyText()).isEqualTo("old");
            assertThat(response.saysClose()).isTrue();
            assertThat(client.awaitClosedByServer(SOON)).isTrue();
        }
    }

    /** HTTP/1.0 with {@code Connection: keep-alive} persists, and the response says so (RFC 9112 §C.2.2). */
    @Test
    default void http10WithKeepAlivePersistsAndSaysSo() throws Exception {
        try (StageServer server = startServer(KeepAliveOptions.DEFAULTS);
             RawClient client = RawClient.connect(server.port())) {
            for (int i = 0; i < 3; i++) {
                RawResponse response = client.send("GET /echo/old" + i + " HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                        .readResponse();
                assertThat(response.bodyText()).isEqualTo("old" + i);
                assertThat(response.header("Connection")).hasValueSatisfying(v -> assertThat(v).containsIgnoringCase("keep-alive"));
            }
            assertThat(StatsSource.of(server).accepted()).isEqualTo(1);
        }
    }

    // --- framing ----------------------------------------------------------------------

    /** Several requests in one write are answered in order, a HEAD among them (RFC 9112 §9.3.2). */
    @Test
    default void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (StageServer server = startServer(KeepAliveOptions.DEFAULTS);
             RawClient client = RawClient.connect(server.port())) {
            client.send(Requests.get("/echo/first") + Requests.head("/echo/second")
                    + Requests.post("/echo/body", "x") + Requests.get("/echo/third"));
            assertThat(client.readResponse().bodyText()).isEqualTo("first");
            RawResponse head = client.readHeadResponse();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).hasValue("6");
            assertThat(client.readResponse().status()).as("POST on a GET route").isEqualTo(405);
            assertThat(client.readResponse().bodyText()).isEqualTo("third");
            assertThat(client.send(Requests.get("/echo/after")).readResponse().bodyText()).isEqualTo("after");
        }
    }

    /** The hardest split: two requests, one byte per write, on one connection. */
    @Test
    default void requestSentOneByteAtATimeOnAKeptConnection() throws Exception {
        try (StageServer server = startServer(KeepAliveOptions.DEFAULTS);
             RawClient client = RawClient.connect(server.port())) {
            for (String text : new String[] {"slow", "slower"}) {
                assertThat(client.sendByteByByte(Requests.get("/echo/" + text)).readResponse().bodyText()).isEqualTo(text);
            }
            assertThat(StatsSource.of(server).accepted()).isEqualTo(1);
        }
    }

    /**
     * A body the handler ignores (here, a POST to a GET-only route) is still
     * consumed: its bytes, though they look like a request, are never taken
     * for the next one.
     */
    @Test
    default void ignoredBodyIsNeverTakenForTheNextRequest() throws Exception {
        try (StageServer server = startServer(KeepAliveOptions.DEFAULTS);
             RawClient client = RawClient.connect(server.port())) {
            String smuggled = Requests.get("/echo/smuggled");
            client.send(Requests.post("/echo/ignored", smuggled));
            assertThat(client.readResponse().status()).isEqualTo(405);
            client.send("POST /echo/ignored HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(smuggled.length()) + "\r\n" + smuggled + "\r\n0\r\n\r\n");
            assertThat(client.readResponse().status()).isEqualTo(405);
            assertThat(client.send(Requests.get("/echo/next")).readResponse().bodyText()).isEqualTo("next");
            assertThat(StatsSource.of(server).requests()).isEqualTo(3);
        }
    }

    // --- closing ----------------------------------------------------------------------

    /** After an error response the connection closes: what follows the bad bytes cannot be trusted. */
    @Test
    default void connectionClosesAfterAnErrorResponse() throws Exception {
        try (StageServer server = startServer(KeepAliveOptions.DEFAULTS);
             RawClient client = RawClient.connect(server.port())) {
            assertThat(client.send(Requests.get("/echo/good")).readResponse().bodyText()).isEqualTo("good");
            client.send("NOT A REQUEST\r\n\r\n" + Requests.get("/echo/never"));
            RawResponse response = client.readResponse();
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.saysClose()).isTrue();
            assertThat(client.awaitClosedByServer(SOON)).isTrue();
            assertThat(StatsSource.of(server).requests()).isEqualTo(1);
        }
    }

    /** 413 closes too: the rest of an oversized body is not read as a request. */
    @InProcessOnly("sets a 16-byte body limit, which no flag sets")
    @Test
    default void connectionClosesAfterBodyTooLarge() throws Exception {
        HttpLimits small = new HttpLimits(HttpLimits.DEFAULT_MAX_REQUEST_LINE_BYTES,
                HttpLimits.DEFAULT_MAX_HEADER_SECTION_BYTES, 16);
        try (StageServer server = startServer(ServerConfig.onPort(0).withLimits(small), KeepAliveOptions.DEFAULTS);
             RawClient client = RawClient.connect(server.port())) {
            RawResponse response = client.send(Requests.post("/files/big", Requests.get("/echo/hidden"))).readResponse();
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.saysClose()).isTrue();
            assertThat(client.awaitClosedByServer(SOON)).isTrue();
        }
    }

    // --- timeouts ---------------------------------------------------------------------

    /** An idle connection is closed once the idle timeout passes, not before; {@code /stats} counts it. */
    @Test
    default void idleConnectionIsClosedAfterIdleTimeout() throws Exception {
        try (StageServer server = startServer(KeepAliveOptions.DEFAULTS.withIdleTimeout(SHORT_IDLE));
             RawClient client = RawClient.connect(server.port())) {
            assertThat(client.send(Requests.get("/echo/once")).readResponse().saysClose()).isFalse();
            long start = System.nanoTime();
            assertThat(client.awaitClosedByServer(SOON)).as("closed by the idle timeout").isTrue();
            Duration idle = Duration.ofNanos(System.nanoTime() - start);
            assertThat(idle).isGreaterThanOrEqualTo(SHORT_IDLE.minusMillis(50));
            Polling.until(() -> StatsSource.of(server).timedOut() == 1, SOON);
        }
    }

    /**
     * Rounds of requests separated by pauses longer than the idle timeout:
     * within a round the client reuses its connection, each round needs a new one.
     */
    @Test
    default void idleTimeoutSeparatesRoundsOfRequests() throws Exception {
        try (StageServer server = startServer(KeepAliveOptions.DEFAULTS.withIdleTimeout(SHORT_IDLE))) {
            HttpClient http = HttpClients.newClient();
            int rounds = 3;
            for (int round = 1; round <= rounds; round++) {
                for (int i = 0; i < round; i++) {
                    assertThat(HttpClients.getText(http, server.port(), "/echo/x").body()).isEqualTo("x");
                }
                assertThat(StatsSource.of(server).accepted()).as("connections after round " + round).isEqualTo(round);
                if (round < rounds) {
                    // Let the connection go idle until the server has closed it; a fixed pause
                    // past the idle timeout would race with a slow timer on a loaded machine.
                    int closedSoFar = round;
                    Polling.until("round " + round + "'s connection closed as idle",
                            () -> StatsSource.of(server).timedOut() >= closedSoFar, SOON);
                }
            }
            assertThat(StatsSource.of(server).timedOut()).isGreaterThanOrEqualTo(rounds - 1);
        }
    }

    /**
     * The read timeout bounds a request already begun (408, then close); it
     * does not close a connection that is merely idle — that is the idle timeout's job.
     */
    @Test
    default void readTimeoutBoundsOnlyARequestAlreadyBegun() throws Exception {
        Duration shortRead = Duration.ofMillis(300);
        try (StageServer server = startServer(KeepAliveOptions.DEFAULTS.withReadTimeout(shortRead));
             RawClient client = RawClient.connect(server.port())) {
            assertThat(client.send(Requests.get("/echo/one")).readResponse().bodyText()).isEqualTo("one");
            assertThat(client.awaitClosedByServer(shortRead.multipliedBy(3))).as("idle, yet closed").isFalse();
            client.send("GET /echo/two HTTP/1.1\r\n"); // begun, never finished
            RawResponse response = client.readResponse();
            assertThat(response.status()).isEqualTo(408);
            assertThat(response.saysClose()).isTrue();
            assertThat(client.awaitClosedByServer(SOON)).isTrue();
            assertThat(StatsSource.of(server).timedOut()).isEqualTo(1);
        }
    }

    /**
     * The fresh-connection rule, the same in 06, 07 and 08: from accept until
     * the first request is complete the read timeout governs, so a client
     * that connects and never sends a byte is closed by the read timeout
     * (silently: it asked nothing), even with a long idle timeout.
     */
    @Test
    default void freshConnectionThatSendsNothingIsClosedByTheReadTimeout() throws Exception {
        Duration shortRead = Duration.ofMillis(400);
        try (StageServer server = startServer(KeepAliveOptions.DEFAULTS.withReadTimeout(shortRead));
             RawClient client = RawClient.connect(server.port())) {
            long start = System.nanoTime();
            assertThat(client.awaitClosedByServer(SOON)).as("closed by the read timeout").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(shortRead.minusMillis(50));
            Polling.until(() -> StatsSource.of(server).timedOut() == 1, SOON);
        }
    }

    /** ... and the idle timeout does not apply before the first request: a short one leaves a fresh connection open. */
    @Test
    default void freshConnectionIsNotClosedByTheIdleTimeout() throws Exception {
        Duration shortIdle = Duration.ofMillis(300);
        try (StageServer server = startServer(KeepAliveOptions.DEFAULTS.withIdleTimeout(shortIdle));
             RawClient client = RawClient.connect(server.port())) {
            assertThat(client.awaitClosedByServer(shortIdle.multipliedBy(4))).as("fresh, yet closed").isFalse();
            assertThat(client.send(Requests.get("/echo/late")).readResponse().bodyText()).isEqualTo("late");
        }
    }

    // --- shutdown ---------------------------------------------------------------------

    /**
     * A connection counts as busy from the first byte of a request, not its
     * last: shutdown that begins while a request is half received lets it
     * arrive and be answered, then closes. The {@code 100 Continue} is how the
     * test knows the server holds the head before shutdown begins.
     */
    @NeedsOwnServer
    @Test
    default void shutdownFinishesARequestHalfReceived() throws Exception {
        Duration drain = Duration.ofSeconds(20);
        StageServer server = startServer(ServerConfig.onPort(0).withDrainTimeout(drain), KeepAliveOptions.DEFAULTS);
        try (RawClient client = RawClient.connect(server.port()); RawClient idle = RawClient.connect(server.port())) {
            assertThat(client.send(Requests.get("/echo/first")).readResponse().bodyText()).isEqualTo("first");
            assertThat(idle.send(Requests.get("/echo/idle")).readResponse().bodyText()).isEqualTo("idle");
            // Kept alive and between requests; now the head of the next request, without its body.
            client.send("POST /echo/second HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
            assertThat(client.readStatusAndHeaders()).as("the server holds the head").isEqualTo(100);
            Thread shutdown = Thread.ofPlatform().start(() -> server.shutdown(drain));
            assertThat(idle.awaitClosedByServer(SOON)).as("shutdown has begun: the idle connection is closed").isTrue();
            client.send("body");
            RawResponse response = client.readResponse();
            assertThat(response.status()).as("answered, not cut off").isEqualTo(405);
            assertThat(client.awaitClosedByServer(SOON)).as("then closed").isTrue();
            shutdown.join(SOON.toMillis());
            assertThat(shutdown.isAlive()).as("shutdown did not wait out the drain timeout").isFalse();
        } finally {
            server.close();
        }
    }

    /**
     * Shutdown lets a request in progress finish (its response says
     * {@code Connection: close}) but does not wait out the drain timeout for
     * connections that are merely idle: it closes them.
     */
    @NeedsOwnServer
    @Test
    default void shutdownClosesIdleConnectionsButFinishesBusyOnes() throws Exception {
        Duration drain = Duration.ofSeconds(20);
        StageServer server = startServer(ServerConfig.onPort(0).withDrainTimeout(drain), KeepAliveOptions.DEFAULTS);
        try (RawClient idle = RawClient.connect(server.port()); RawClient busy = RawClient.connect(server.port())) {
            assertThat(idle.send(Requests.get("/echo/idle")).readResponse().bodyText()).isEqualTo("idle");
            busy.send(Requests.get("/sleep/500"));
            Polling.until(() -> StatsSource.of(server).requests() == 2, SOON);
            long start = System.nanoTime();
            server.shutdown(drain);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            RawResponse slept = busy.readResponse();
            assertThat(slept.status()).isEqualTo(200);
            assertThat(slept.saysClose()).isTrue();
            assertThat(idle.awaitClosedByServer(SOON)).isTrue();
            assertThat(took).as("shutdown did not wait out the drain timeout").isLessThan(drain.dividedBy(2));
        } finally {
            server.close();
        }
    }
}
