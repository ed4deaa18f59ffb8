package dev.serverlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * "Too many open files", live: the stage's {@code Main} runs in a child JVM
 * limited to {@value #DESCRIPTOR_LIMIT} descriptors, and the test opens
 * connections until {@code accept()} fails with EMFILE. The server must
 * survive it (the accept loop backs off, 5 ms doubling to 1 s, instead of
 * dying or spinning), keep the connections it has, and serve again as soon
 * as descriptors are free. Linux only (it counts descriptors in
 * {@code /proc}); elsewhere the test is skipped, saying why.
 */
public interface DescriptorExhaustionContract {

    /** Enough for the JVM's own files (jars, the module image, epoll) and a couple of hundred sockets. */
    int DESCRIPTOR_LIMIT = 256;
    Duration PROMPTLY = Duration.ofSeconds(15);
    Pattern RETRY = Pattern.compile("retrying in (\\d+) ms");

    /** The stage's entry point, run as a user runs it. */
    Class<?> mainClass();

    /**
     * Flags after {@code --port 0}: none of the test's silent connections may
     * time out while the test runs (say 60 s timeouts, no small bound on
     * connections).
     */
    List<String> exhaustionFlags();

    @Test
    default void survivesTooManyOpenFilesAndRecoversWhenDescriptorsFree() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")),
                "counts descriptors through /proc: Linux only");
        List<String> args = new ArrayList<>(List.of("--port", "0"));
        args.addAll(exhaustionFlags());
        List<RawClient> clients = new ArrayList<>();
        try (ChildJvm child = ChildJvm.startWithDescriptorLimit(DESCRIPTOR_LIMIT, mainClass(),
                args.toArray(String[]::new))) {
            int port = child.awaitListeningPort();
            Path fds = Path.of("/proc/" + child.pid() + "/fd");
            // More connections than the server has descriptors: the kernel completes every handshake
            // and queues the ones the server cannot accept (its backlog is far larger).
            for (int i = 0; i < DESCRIPTOR_LIMIT; i++) {
                clients.add(RawClient.connect(port));
            }
            until(child, "accept() failing for lack of descriptors", () -> acceptFailures(child) > 0);
            assertThat(child.stderrLines()).anyMatch(line -> line.contains("Too many open files"));
            long firstFailure = System.nanoTime();
            until(child, "the backoff doubling up to its 1 s ceiling", () -> longestRetryMillis(child) >= 1000);
            double seconds = (System.nanoTime() - firstFailure) / 1e9;
            assertThat(acceptFailures(child)).as("retries spaced by the backoff, not a busy loop, over %.1f s: %s",
                    seconds, child.stderrLines()).isLessThan(30 + Math.round(seconds * 5));
            assertThat(descriptorCount(fds)).as("the server at its descriptor limit").isLessThanOrEqualTo(DESCRIPTOR_LIMIT);
            assertThat(child.isAlive()).isTrue();

            for (RawClient client : clients) {
                client.close(); // the server reads EOF on each and frees its descriptor
            }
            clients.clear();
            try (RawClient late = RawClient.connect(port)) {
                String request = Requests.get("/echo/recovered", "Connection: close");
                late.send(request.substring(0, 10));
                Thread.sleep(200); // the pause is the point: the server must wait for the rest, not find it there
                RawResponse response = late.send(request.substring(10)).readResponse();
                assertThat(response.bodyText()).as("served again once descriptors are free, after waiting for bytes")
                        .isEqualTo("recovered");
            }

            child.terminate();
            assertThat(child.awaitExit(PROMPTLY)).as("a clean shutdown after it all").isZero();
        } finally {
            for (RawClient client : clients) {
                client.close();
            }
        }
    }

    private static long acceptFailures(ChildJvm child) {
        return child.stderrLines().stream().filter(line -> line.contains("accept failed")).count();
    }

    /** Polls for the condition; if it never comes, the failure shows what the server printed. */
    private static void until(ChildJvm child, String what, BooleanSupplier condition) throws InterruptedException {
        try {
            Polling.until(what, condition, PROMPTLY);
        } catch (AssertionError notYet) {
            throw new AssertionError(notYet.getMessage() + "; the server's stderr: " + child.stderrLines(), notYet);
        }
    }

    /** The longest wait the accept loop announced, from lines like "retrying in 640 ms". */
    private static long longestRetryMillis(ChildJvm child) {
        return child.stderrLines().stream()
                .map(RETRY::matcher)
                .filter(Matcher::find)
                .mapToLong(m -> Long.parseLong(m.group(1)))
                .max().orElse(0);
    }

    private static long descriptorCount(Path fds) throws IOException {
        try (var entries = Files.list(fds)) {
            return entries.count();
        }
    }
}
