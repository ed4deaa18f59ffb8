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
     * SIGTERM while a request is in progress: the server stops accepting,
     * lets that request finish, and exits 0.
     */
    @Test
    default void sigtermLetsTheRequestInProgressFinishThenExitsZero() throws Exception {
        try (ChildJvm child = ChildJvm.start(mainClass(), "--port", "0")) {
            int port = child.awaitListeningPort();
            try (RawClient client = RawClient.connect(port)) {
                client.send(Requests.get("/sleep/1500"));
                // The request must be accepted before the signal; an idle acceptor
                // takes it within microseconds, so a short pause is ample.
                Thread.sleep(300);
                child.terminate();
                RawResponse response = client.readResponse();
                assertThat(response.status()).as("the in-flight request completes").isEqualTo(200);
            }
            assertThat(child.awaitExit(Duration.ofSeconds(30))).isZero();
        }
    }
}
