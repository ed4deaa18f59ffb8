package dev.serverlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
            Polling.until("accept() failing for lack of descriptors", () -> acceptFailures(child) > 0, PROMPTLY);
            assertThat(child.stderrLines()).anyMatch(line -> line.contains("Too many open files"));
            Polling.until("the backoff reaching its 1 s ceiling",
                    () -> child.stderrLines().stream().anyMatch(l -> l.contains("retrying in 1000 ms")), PROMPTLY);
            assertThat(acceptFailures(child)).as("retries spaced by the backoff, not a busy loop")
                    .isLessThan(30);
            assertThat(descriptorCount(fds)).as("the server at its descriptor limit").isLessThanOrEqualTo(DESCRIPTOR_LIMIT);
            assertThat(child.isAlive()).isTrue();

            for (RawClient client : clients) {
                client.close(); // the server reads EOF on each and frees its descriptor
            }
            clients.clear();
            RawResponse response = Probes.exchange(port, Requests.get("/echo/recovered", "Connection: close"));
            assertThat(response.bodyText()).as("served again once descriptors are free").isEqualTo("recovered");

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

    private static long descriptorCount(Path fds) throws IOException {
        try (var entries = Files.list(fds)) {
            return entries.count();
        }
    }
}
