package dev.serverlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A connection flood against a stage with a bound ({@code --max-concurrent}
 * in 04 and 08, {@code --workers} and {@code --queue} in 05 and 06): the
 * server is first filled to its bound with silent connections, then
 * {@value #FLOOD} more clients arrive. Nothing may crash and nothing may
 * leak; what happens to the excess is the stage's policy:
 * <ul>
 *   <li><b>shed</b> (04 {@code --when-full reject}, 05, 06): every one is
 *       answered {@code 503} with {@code Retry-After} at once, and closed;</li>
 *   <li><b>wait</b> (04 {@code --when-full wait}, 08): they wait in the
 *       kernel's accept queue, hear nothing, and are each served once the
 *       silent connections leave.</li>
 * </ul>
 * Either way, once the flood is over the server serves as before and holds
 * no connection it should not. The flood's clients say
 * {@code Connection: close}, so a keep-alive stage does not keep them.
 */
public interface FloodContract extends StageUnderTest {

    /** Connections beyond the bound: a few hundred, a second or two on loopback. */
    int FLOOD = 320;
    /** Flood clients at once in shed mode, each reading its 503 before the next connects. */
    int AT_ONCE = 16;
    Duration PROMPTLY = Duration.ofSeconds(10);

    /**
     * Connections {@link #newServer} serves at once; it must let silent
     * connections hold their place for longer than the test takes (a read
     * timeout of several seconds, or none).
     */
    int servedAtOnce();

    /** Connections that may wait inside the server for a worker beyond those served (05/06's queue). */
    default int waitingRoom() {
        return 0;
    }

    /** True if the excess is answered 503 at once; false if it waits in the kernel's accept queue. */
    boolean shedsExcess();

    @Test
    default void floodBeyondTheBoundIsShedOrQueuedAndTheServerCarriesOn() throws Exception {
        int bound = servedAtOnce() + waitingRoom();
        try (StageServer server = startServer(ServerConfig.onPort(0));
             IdleClients holders = IdleClients.open(server.port(), bound)) {
            Polling.until("the server full with " + bound + " silent connections",
                    () -> StatsSource.of(server).active() >= bound, PROMPTLY);
            if (shedsExcess()) {
                floodIsShed(server);
            } else {
                floodWaitsUntilTheHoldersLeave(server, holders);
            }
            holders.close();
            Polling.until("every connection closed: none leaked by the flood",
                    () -> StatsSource.of(server).active() == 0, PROMPTLY);
            Probes.assertStillServes(server.port());
        }
    }

    private static void floodIsShed(StageServer server) throws Exception {
        var outcome = Parallel.run(AT_ONCE, client -> {
            List<RawResponse> answers = new ArrayList<>();
            for (int i = 0; i < FLOOD / AT_ONCE; i++) {
                answers.add(Probes.exchange(server.port(), floodRequest(client * 1000 + i)));
            }
            return answers;
        });
        List<RawResponse> answers = outcome.results().stream().flatMap(List::stream).toList();
        assertThat(answers).hasSize(FLOOD);
        assertThat(answers).allSatisfy(response -> {
            assertThat(response.status()).as("a connection beyond the bound").isEqualTo(503);
            assertThat(response.header("Retry-After")).isPresent();
            assertThat(response.saysClose()).isTrue();
        });
        assertThat(StatsSource.of(server).rejected()).isEqualTo(answers.size());
    }

    private static void floodWaitsUntilTheHoldersLeave(StageServer server, IdleClients holders) throws Exception {
        List<RawClient> flood = new ArrayList<>();
        try {
            for (int i = 0; i < FLOOD; i++) {
                flood.add(RawClient.connect(server.port()).send(floodRequest(i)));
            }
            // The kernel completed every handshake; the server, full, has answered none of them.
            assertThat(StatsSource.of(server).requests()).isZero();
            holders.close();
            for (int i = 0; i < FLOOD; i++) {
                RawResponse response = flood.get(i).readResponse();
                assertThat(response.status()).as("flood client %d, once the bound freed", i).isEqualTo(200);
                assertThat(response.bodyText()).isEqualTo("flood-" + i);
            }
            assertThat(StatsSource.of(server).rejected()).isZero();
        } finally {
            for (RawClient client : flood) {
                client.close();
            }
        }
    }

    private static String floodRequest(int i) {
        return Requests.get("/echo/flood-" + i, "Connection: close");
    }
}
