package dev.serverlab.threadperconnection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.LaunchContract;
import dev.serverlab.testkit.BadInputContract;
import dev.serverlab.testkit.ConcurrencyContract;
import dev.serverlab.testkit.IdleClients;
import dev.serverlab.testkit.OneRequestPerConnectionContract;
import dev.serverlab.testkit.Polling;
import dev.serverlab.testkit.Probes;
import dev.serverlab.testkit.RawClient;
import dev.serverlab.testkit.Requests;
import dev.serverlab.testkit.RoutesContract;
import dev.serverlab.testkit.StatsJson;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Stage 03 fixes stage 02's stall: slow requests overlap and a silent
 * client holds only its own thread (the contracts and the tests below).
 * Its limitation is shown by a passing test: every open connection is a
 * live thread, so threads grow with connections.
 */
class ThreadPerConnectionServerTest
        implements RoutesContract, BadInputContract, OneRequestPerConnectionContract, ConcurrencyContract, LaunchContract {

    private static final int IDLE_CONNECTIONS = 200;
    /** How long a condition may take to come true: generous, CI machines are slow. */
    private static final Duration SOON = Duration.ofSeconds(10);

    @Override
    public StageServer newServer(ServerConfig config) {
        return new ThreadPerConnectionServer(config);
    }

    @Override
    public Class<?> mainClass() {
        return Main.class;
    }

    /** Stage 02 could not do this: the silent client holds one thread, not the server. */
    @Test
    void silentClientDoesNotStallOthers() throws Exception {
        try (StageServer server = startServer(ServerConfig.onPort(0));
             RawClient silent = RawClient.connect(server.port())) {
            Polling.until("the silent client is accepted", () -> server.stats().snapshot().active() == 1, SOON);
            Probes.assertStillServes(server.port());
            assertThat(silent.awaitClosedByServer(Duration.ofMillis(200))).as("still held open").isFalse();
        }
    }

    /** Each connection's thread carries the client's address: a thread dump tells connections apart. */
    @Test
    void connectionThreadIsNamedForItsClient() throws Exception {
        try (StageServer server = startServer(ServerConfig.onPort(0));
             RawClient client = RawClient.connect(server.port())) {
            String expected = "03-thread-per-connection /127.0.0.1:" + client.localPort();
            Polling.until("a thread named " + expected, () -> threadNamed(expected), SOON);
        }
    }

    /**
     * The limitation: 200 connections that do nothing are 200 more live
     * threads, each with a stack reserved; they go away only when their
     * clients do. Nothing bounds the count but the clients' goodwill.
     */
    // tag::threads-grow[]
    @Test
    void threadsGrowWithOpenConnections() throws Exception {
        try (StageServer server = startServer(ServerConfig.onPort(0))) {
            int before = server.stats().snapshot().liveThreads();
            try (IdleClients idle = IdleClients.open(server.port(), IDLE_CONNECTIONS)) {
                Polling.until(IDLE_CONNECTIONS + " more live threads",
                        () -> server.stats().snapshot().liveThreads() >= before + IDLE_CONNECTIONS, SOON);
                String stats = Probes.exchange(server.port(), Requests.get("/stats")).bodyText();
                assertThat(StatsJson.field(stats, "live_threads")).isGreaterThanOrEqualTo(before + IDLE_CONNECTIONS);
            }
            Polling.until("the connection threads end with their clients",
                    () -> server.stats().snapshot().liveThreads() < before + 10, SOON);
        }
    }
    // end::threads-grow[]

    private static boolean threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).anyMatch(name::equals);
    }
}
