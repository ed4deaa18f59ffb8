package dev.serverlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Thousands of open connections on a few platform threads: the promise of
 * stages 07 (a selector) and 08 (virtual threads), which implement this
 * unchanged. Stage 06 could not: each idle connection would hold a thread.
 *
 * <p>{@value #CONNECTIONS} keep-alive connections are opened, each answered
 * once so it is a real, idle, persistent connection; with all of them open a
 * fresh client must still be served promptly, and then every one of them
 * must answer a second request. Meanwhile the server's platform threads
 * (counted as growth over the JVM's count before the server started, since
 * the test JVM has threads of its own) stay within
 * {@link #maxPlatformThreads()}, a figure that does not grow with connections.
 *
 * <p>The client side holds {@value #CONNECTIONS} blocking sockets on the test
 * thread alone — no client threads that would blur the count. The JVM then
 * holds twice as many descriptors (both ends), well under a 20,000 {@code ulimit -n}.
 * The server is started with its stage's defaults, whose idle timeout must
 * outlast the test (a few seconds).
 */
public interface ScaleContract extends StageUnderTest {

    int CONNECTIONS = 2_000;
    /** "Promptly", generous for a loaded two-core machine. */
    Duration PROMPTLY = Duration.ofSeconds(5);

    /**
     * The most platform threads the stage may add to the JVM while serving,
     * whatever the number of connections: e.g. the loop plus its workers (07),
     * the acceptor plus the carrier threads (08).
     */
    int maxPlatformThreads();

    @Test
    default void twoThousandIdleKeepAliveConnectionsOnAFewThreads() throws Exception {
        int jvmBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        List<RawClient> clients = new ArrayList<>(CONNECTIONS);
        try (StageServer server = startServer(ServerConfig.onPort(0))) {
            // A server in this JVM is counted against the JVM before it started; a server in a
            // process of its own, against that process once it listens (its runtime has threads
            // of its own before the first connection). -1: its threads cannot be counted here.
            int before = server instanceof StatsSource own ? own.snapshot().liveThreads() : jvmBefore;
            try {
                for (int i = 0; i < CONNECTIONS; i++) {
                    RawClient client = RawClient.connect(server.port());
                    clients.add(client);
                    RawResponse first = client.send(Requests.get("/echo/open-" + i)).readResponse();
                    assertThat(first.bodyText()).isEqualTo("open-" + i);
                    assertThat(first.saysClose()).as("a keep-alive connection").isFalse();
                }
                assertThat(StatsSource.of(server).active()).as("connections held open").isEqualTo(CONNECTIONS);
                if (before >= 0) {
                    assertThat(threadsAddedSince(before, server)).as("platform threads added with "
                            + CONNECTIONS + " connections open").isLessThanOrEqualTo(maxPlatformThreads());
                }

                var fresh = Parallel.timed(() -> {
                    try (RawClient client = RawClient.connect(server.port())) {
                        return client.send(Requests.get("/echo/fresh")).readResponse();
                    }
                });
                assertThat(fresh.results().get(0).bodyText()).isEqualTo("fresh");
                assertThat(fresh.elapsed()).as("a new client, with every connection held").isLessThan(PROMPTLY);

                for (int i = 0; i < CONNECTIONS; i++) { // all at once: the server sees 2,000 requests waiting
                    clients.get(i).send(Requests.get("/echo/again-" + i));
                }
                for (int i = 0; i < CONNECTIONS; i++) {
                    assertThat(clients.get(i).readResponse().bodyText()).isEqualTo("again-" + i);
                }
                assertThat(StatsSource.of(server).accepted()).as("no connection was replaced")
                        .isEqualTo(CONNECTIONS + 1);
                if (before >= 0) {
                    assertThat(threadsAddedSince(before, server)).isLessThanOrEqualTo(maxPlatformThreads());
                }
            } finally {
                for (RawClient client : clients) {
                    closeQuietly(client);
                }
            }
        }
    }

    private static int threadsAddedSince(int before, StageServer server) {
        return StatsSource.of(server).liveThreads() - before;
    }

    private static void closeQuietly(RawClient client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // Cleaning up; the server may have closed first.
        }
    }
}
