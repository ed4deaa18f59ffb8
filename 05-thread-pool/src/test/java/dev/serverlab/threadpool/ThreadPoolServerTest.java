package dev.serverlab.threadpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.LaunchContract;
import dev.serverlab.testkit.BadInputContract;
import dev.serverlab.testkit.ConcurrencyContract;
import dev.serverlab.testkit.HttpClients;
import dev.serverlab.testkit.IdleClients;
import dev.serverlab.testkit.OneRequestPerConnectionContract;
import dev.serverlab.testkit.Polling;
import dev.serverlab.testkit.RawClient;
import dev.serverlab.testkit.RawResponse;
import dev.serverlab.testkit.Requests;
import dev.serverlab.testkit.RoutesContract;
import dev.serverlab.testkit.SlowRequests;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Stage 05 keeps the contracts (with a pool and queue large enough for
 * them) and shows its own idea: a full pool answers 503 at once, the thread
 * count does not follow the load, and a read deadline frees workers from
 * silent clients — without it, a few silent clients starve everyone (a
 * passing test). Its limitation: one TCP connection per request.
 * "At most N at once" is {@link dev.serverlab.testkit.LimitsContract},
 * claimed by {@link ThreadPoolLimitsTest}.
 */
class ThreadPoolServerTest
        implements RoutesContract, BadInputContract, OneRequestPerConnectionContract, ConcurrencyContract, LaunchContract {

    private static final Duration NO_TIMEOUT = Duration.ZERO;
    /** How long a condition may take to come true: generous, CI machines are slow. */
    private static final Duration SOON = Duration.ofSeconds(10);
    private static final String WORKER_PREFIX = "05-thread-pool-worker-";

    @Override
    public StageServer newServer(ServerConfig config) {
        return new ThreadPoolServer(config, 8, 256, ThreadPoolServer.DEFAULT_READ_TIMEOUT);
    }

    @Override
    public Class<?> mainClass() {
        return Main.class;
    }

    private static ThreadPoolServer started(int workers, int queue, Duration readTimeout) throws Exception {
        ThreadPoolServer server = new ThreadPoolServer(ServerConfig.onPort(0), workers, queue, readTimeout);
        server.start();
        return server;
    }

    /** Two workers busy, one connection queued: the fourth slow client is answered 503 without waiting. */
    // tag::pool-full[]
    @Test
    void fullPoolAndQueueAnswer503AtOnce() throws Exception {
        try (ThreadPoolServer server = started(2, 1, NO_TIMEOUT)) {
            var outcome = SlowRequests.inParallel(server.port(), 4, 600);
            assertThat(SlowRequests.statuses(outcome)).containsExactlyInAnyOrder(200, 200, 200, 503);
            assertThat(SlowRequests.slowest(SlowRequests.withStatus(outcome, 503)))
                    .as("refused without waiting for a worker")
                    .isLessThan(SlowRequests.fastest(SlowRequests.withStatus(outcome, 200)));
            assertThat(server.stats().snapshot().rejected()).isEqualTo(1);
        }
    }
    // end::pool-full[]

    /**
     * Stage 03 grew a thread per open connection. Here 200 open connections
     * (4 being served, the rest queued) leave exactly 4 workers, the same
     * threads as before they came.
     */
    // tag::threads-constant[]
    @Test
    void threadsStayConstantWhateverTheLoad() throws Exception {
        try (ThreadPoolServer server = started(4, 300, NO_TIMEOUT)) {
            int before = server.stats().snapshot().liveThreads();
            assertThat(workerThreads()).as("workers start with the pool").isEqualTo(4);
            try (IdleClients idle = IdleClients.open(server.port(), 200)) {
                Polling.until("200 connections open", () -> server.stats().snapshot().active() == 200, SOON);
                assertThat(workerThreads()).isEqualTo(4);
                assertThat(server.stats().snapshot().liveThreads()).isLessThan(before + 10);
            }
        }
    }
    // end::threads-constant[]

    private static long workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(WORKER_PREFIX)).count();
    }

    /** Half a request, then silence: the read deadline answers 408 and counts a timeout. */
    @Test
    void halfARequestThenSilenceIsAnswered408() throws Exception {
        try (ThreadPoolServer server = started(2, 4, Duration.ofMillis(300));
             RawClient client = RawClient.connect(server.port())) {
            RawResponse response = client.send("GET /echo/half HTTP/1.1\r\nHo").readResponse();
            assertThat(response.status()).isEqualTo(408);
            assertThat(client.awaitClosedByServer(Duration.ofSeconds(5))).isTrue();
            Polling.until("counted as timed out", () -> server.stats().snapshot().timedOut() == 1, SOON);
        }
    }

    /**
     * The starvation a pool invites, shown with the read timeout off: two
     * clients that connect and say nothing hold both workers, and a normal
     * client, queued behind them, hears nothing until they leave.
     */
    // tag::starvation[]
    @Test
    void silentClientsAsManyAsWorkersStarveANormalClient() throws Exception {
        try (ThreadPoolServer server = started(2, 4, NO_TIMEOUT)) {
            IdleClients silent = IdleClients.open(server.port(), 2);
            try (RawClient normal = RawClient.connect(server.port())) {
                normal.send(Requests.get("/echo/normal")).readTimeout(Duration.ofSeconds(1));
                Throwable waited = catchThrowable(normal::readResponse);
                silent.close();
                assertThat(waited).as("starved while the silent clients hold the workers")
                        .isInstanceOf(SocketTimeoutException.class);
                assertThat(normal.readTimeout(Duration.ofSeconds(10)).readResponse().bodyText()).isEqualTo("normal");
            }
        }
    }
    // end::starvation[]

    /** The same two silent clients with a read deadline: they are cut off and the normal client is served. */
    // tag::deadline[]
    @Test
    void readTimeoutFreesTheWorkersForANormalClient() throws Exception {
        try (ThreadPoolServer server = started(2, 4, Duration.ofMillis(500));
             IdleClients silent = IdleClients.open(server.port(), 2);
             RawClient normal = RawClient.connect(server.port())) {
            RawResponse response = normal.send(Requests.get("/echo/normal")).readResponse();
            assertThat(response.bodyText()).isEqualTo("normal");
            Polling.until("both silent clients timed out", () -> server.stats().snapshot().timedOut() == 2, SOON);
            for (RawClient client : silent.clients()) {
                assertThat(client.awaitClosedByServer(Duration.ofSeconds(5))).isTrue();
            }
        }
    }
    // end::deadline[]

    /**
     * The limitation: a real client (the JDK's HttpClient) would gladly
     * reuse its connection, but every response says {@code Connection:
     * close}, so a hundred requests cost a hundred TCP handshakes and a
     * hundred accepts.
     */
    // tag::connection-per-request[]
    @Test
    void everyRequestCostsANewConnection() throws Exception {
        try (ThreadPoolServer server = started(2, 4, ThreadPoolServer.DEFAULT_READ_TIMEOUT)) {
            HttpClient client = HttpClients.newClient();
            for (int i = 0; i < 100; i++) {
                assertThat(HttpClients.getText(client, server.port(), "/echo/" + i).body()).isEqualTo("" + i);
            }
            assertThat(server.stats().snapshot().accepted()).isGreaterThanOrEqualTo(100);
        }
    }
    // end::connection-per-request[]
}
