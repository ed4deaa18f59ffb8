package dev.serverlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stage as a user starts it: its {@code Main} in a child JVM. Flags
 * that are wrong exit with status 2 and a one-line reason; {@code --help}
 * exits 0; SIGTERM lets the request in progress finish, then exits 0.
 */
public interface LaunchContract {

    /** The stage's {@code Main} class. */
    Class<?> mainClass();

    @Test
    default void helpPrintsTheFlagsAndExitsZero() throws Exception {
        try (ChildJvm child = ChildJvm.start(mainClass(), "--help")) {
            assertThat(child.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(String.join("\n", child.remainingStdoutLines())).contains("--port", "--directory");
        }
    }

    @Test
    default void badFlagValueExitsTwoWithAOneLineReason() throws Exception {
        assertRefused(List.of("--port", "not-a-number"), "--port");
    }

    @Test
    default void unknownFlagExitsTwo() throws Exception {
        assertRefused(List.of("--no-such-flag"), "--no-such-flag");
    }

    @Test
    default void portOutOfRangeExitsTwo() throws Exception {
        assertRefused(List.of("--port", "70000"), "--port");
    }

    private void assertRefused(List<String> args, String named) throws Exception {
        try (ChildJvm child = ChildJvm.start(mainClass(), args.toArray(String[]::new))) {
            assertThat(child.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            List<String> err = child.stderrLines();
            assertThat(err).isNotEmpty();
            assertThat(err.get(0)).as("the first line gives the reason").contains(named);
        }
    }

    /**
     * Whether the server answers a second connection while one request is in
     * progress, so the SIGTERM test can ask {@code /stats} when that request
     * has arrived. Stages that serve one connection at a time (01, 02) say no.
     */
    default boolean answersProbesWhileBusy() {
        return true;
    }

    /**
     * SIGTERM while a request is in progress: the server stops accepting,
     * lets that request finish, and exits 0. The signal is sent only once the
     * server has provably taken the request (no guessed pause): a probe
     * {@code /stats} counts it, or, where no probe can be answered meanwhile,
     * the server has answered {@code 100 Continue} to its head. What it says
     * while it stops reaches the operator's terminal too.
     */
    @Test
    default void sigtermLetsTheRequestInProgressFinishThenExitsZero() throws Exception {
        try (ChildJvm child = ChildJvm.start(mainClass(), "--port", "0")) {
            int port = child.awaitListeningPort();
            try (RawClient client = RawClient.connect(port)) {
                if (answersProbesWhileBusy()) {
                    client.send(Requests.get("/sleep/1500"));
                    awaitRequestCounted(port);
                } else {
                    // The 100 Continue proves the server is inside this connection, reading
                    // this request; a one-at-a-time server finishes it whatever comes next.
                    client.send("GET /sleep/1500 HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
                            + "Content-Length: 1\r\n\r\n");
                    assertThat(client.readInterimStatus()).isEqualTo(100);
                    client.send("x");
                }
                child.terminate();
                RawResponse response = client.readResponse();
                assertThat(response.status()).as("the in-flight request completes").isEqualTo(200);
            }
            assertThat(child.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(child.remainingStdoutLines()).as("what the server printed after the signal")
                    .anyMatch(line -> line.contains("stopping on SIGTERM")).anyMatch(line -> line.endsWith(" stopped"));
        }
    }

    /** Polls {@code /stats} until it counts a request besides the probes themselves. */
    private static void awaitRequestCounted(int port) throws Exception {
        int[] probes = {0};
        Polling.until("the sleeping request reached the application", () -> {
            try {
                probes[0]++;
                String json = Probes.exchange(port, Requests.get("/stats")).bodyText();
                return StatsJson.field(json, "requests") > probes[0]; // each probe counts itself
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Duration.ofSeconds(30));
    }
}
