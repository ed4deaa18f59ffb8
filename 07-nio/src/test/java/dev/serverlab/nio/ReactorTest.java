package dev.serverlab.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.Parallel;
import dev.serverlab.testkit.Polling;
import dev.serverlab.testkit.RawClient;
import dev.serverlab.testkit.RawResponse;
import dev.serverlab.testkit.Requests;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stage 07's own idea — blocking handlers off the loop, backpressure, an
 * accept that survives running out of descriptors — and its limitation: a
 * blocking call on the loop stalls every connection.
 */
class ReactorTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    private static StageServer start(NioOptions options) throws IOException {
        StageServer server = new NioServer(ServerConfig.onPort(0), options);
        server.start();
        return server;
    }

    /**
     * With {@code --workers 0} the handler of {@code /sleep} runs on the
     * loop: while it sleeps, nobody is read, parsed or answered. A client
     * that asks for {@code /echo} during the sleep waits for it to end.
     * (A lower bound only, following from the sleep.)
     */
    // tag::loop-stall[]
    @Test
    void oneSleepOnTheLoopStallsEveryConnection() throws Exception {
        try (StageServer server = start(NioOptions.DEFAULTS.withLoops(1).withWorkers(0));
             RawClient sleeper = RawClient.connect(server.port());
             RawClient other = RawClient.connect(server.port())) {
            long start = System.nanoTime();
            sleeper.send(Requests.get("/sleep/1000"));
            Polling.until(() -> server.stats().snapshot().requests() == 1, SOON); // the loop is now asleep
            RawResponse echo = other.send(Requests.get("/echo/stalled")).readResponse();
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(echo.bodyText()).isEqualTo("stalled");
            assertThat(waited).as("/echo waited out the sleep").isGreaterThanOrEqualTo(Duration.ofMillis(1000 - 30));
            assertThat(sleeper.readResponse().status()).isEqualTo(200);
        }
    }
    // end::loop-stall[]

    /**
     * Two loops, no workers: connections are dealt to the loops in turn, so
     * the 1st and 3rd share a loop and the 2nd has the other. While the 1st
     * sleeps on its loop, the 2nd is answered and the 3rd, asked first, is
     * still waiting: more loops shrink the blast radius of a blocking call,
     * they do not remove it.
     */
    // tag::loops-stall[]
    @Test
    void aSleepStallsOnlyTheConnectionsOfItsOwnLoop() throws Exception {
        try (StageServer server = start(NioOptions.DEFAULTS.withLoops(2).withWorkers(0));
             RawClient sleeper = connectAndServe(server, "first");    // loop 0
             RawClient neighbour = connectAndServe(server, "second"); // loop 1
             RawClient sharer = connectAndServe(server, "third")) {   // loop 0 again
            long start = System.nanoTime();
            sleeper.send(Requests.get("/sleep/3000"));
            Polling.until(() -> server.stats().snapshot().requests() == 4, SOON); // loop 0 is now asleep
            sharer.send(Requests.get("/echo/stalled"));
            assertThat(neighbour.send(Requests.get("/echo/prompt")).readResponse().bodyText()).isEqualTo("prompt");
            sharer.readTimeout(Duration.ofMillis(1));
            assertThat(catchThrowable(sharer::readResponse)).as("the third, on the sleeping loop, is not answered yet")
                    .isInstanceOf(SocketTimeoutException.class);
            sharer.readTimeout(SOON);
            assertThat(sharer.readResponse().bodyText()).isEqualTo("stalled");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the third waited out the sleep")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(3000 - 30));
        }
    }
    // end::loops-stall[]

    /** Connects and completes one request, so the acceptor has dealt this connection before the next one. */
    private static RawClient connectAndServe(StageServer server, String word) throws IOException {
        RawClient client = RawClient.connect(server.port());
        assertThat(client.send(Requests.get("/echo/" + word)).readResponse().bodyText()).isEqualTo(word);
        return client;
    }

    /**
     * With one worker, the same {@code /sleep} runs off the loop: {@code
     * /echo} is answered while the sleeper is still waiting for its answer.
     */
    // tag::offload-test[]
    @Test
    void trivialRoutesAreAnsweredWhileAWorkerSleeps() throws Exception {
        try (StageServer server = start(NioOptions.DEFAULTS.withWorkers(1));
             RawClient sleeper = RawClient.connect(server.port());
             RawClient other = RawClient.connect(server.port())) {
            sleeper.send(Requests.get("/sleep/3000"));
            Polling.until(() -> server.stats().snapshot().requests() == 1, SOON);
            assertThat(other.send(Requests.get("/echo/prompt")).readResponse().bodyText()).isEqualTo("prompt");
            sleeper.readTimeout(Duration.ofMillis(1));
            assertThat(catchThrowable(sleeper::readResponse)).as("the sleeper is still sleeping")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }
    // end::offload-test[]

    /** Four sleeps of 1 s on four workers overlap: together they take far less than 4 s. */
    @Test
    void blockingHandlersRunInParallelOnTheWorkers() throws Exception {
        try (StageServer server = start(NioOptions.DEFAULTS.withWorkers(4))) {
            var parallel = Parallel.run(4, i -> {
                try (RawClient client = RawClient.connect(server.port())) {
                    return client.send(Requests.get("/sleep/1000")).readResponse().status();
                }
            });
            assertThat(parallel.results()).containsOnly(200);
            assertThat(parallel.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(1000 - 30))
                    .isLessThan(Duration.ofMillis(3000));
        }
    }

    /**
     * Backpressure: a client pipelines 40 requests for 1 MiB each and does
     * not read. The server answers only as many as the socket buffers hold,
     * then stops reading that client's requests; once the client reads, all
     * 40 come, complete and in order.
     */
    @Test
    void clientThatDoesNotReadIsNotReadEither(@TempDir Path dir) throws Exception {
        int requests = 40;
        byte[] content = new byte[1024 * 1024];
        new java.util.Random(3).nextBytes(content);
        Files.write(dir.resolve("mib.bin"), content);
        try (StageServer server = new NioServer(ServerConfig.onPort(0).withDirectory(dir), NioOptions.DEFAULTS);
             RawClient client = connectAfterStart(server)) {
            client.send(Requests.get("/files/mib.bin").repeat(requests));
            Polling.until(() -> server.stats().snapshot().requests() >= 1, SOON);
            Thread.sleep(500); // the pause IS the experiment: give the server time to (not) read everything
            long answered = server.stats().snapshot().requests();
            assertThat(answered).as("requests taken while the client does not read").isLessThan(requests / 2);
            for (int i = 0; i < requests; i++) {
                assertThat(client.readResponse().body()).as("response " + i).isEqualTo(content);
            }
        }
    }

    private static RawClient connectAfterStart(StageServer server) throws IOException {
        server.start();
        return RawClient.connect(server.port());
    }

    /**
     * accept() failing as it does when descriptors run out: the acceptor
     * waits 5, 10, 20, 40 ms between tries — on its own thread, never on a
     * loop — and then serves the client that waited in the kernel's queue
     * meanwhile.
     */
    // tag::accept-backoff-test[]
    @Test
    void acceptSurvivesTooManyOpenFilesBackingOffOnItsOwnThread() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(5);
        List<Long> failures = new CopyOnWriteArrayList<>();
        Acceptor.AcceptCall exhausted = listener -> {
            if (failuresLeft.getAndDecrement() > 0) {
                failures.add(System.nanoTime());
                throw new IOException("Too many open files");
            }
            return listener.accept();
        };
        try (StageServer server = new NioServer(ServerConfig.onPort(0), NioOptions.DEFAULTS, exhausted)) {
            server.start();
            try (RawClient client = RawClient.connect(server.port())) {
                assertThat(client.send(Requests.get("/echo/patient")).readResponse().bodyText()).isEqualTo("patient");
            }
            assertThat(failures).hasSize(5);
            assertThat(Duration.ofNanos(failures.get(4) - failures.get(0)))
                    .as("backing off, not spinning").isGreaterThanOrEqualTo(Duration.ofMillis(5 + 10 + 20 + 40));
            try (RawClient next = RawClient.connect(server.port())) {
                assertThat(next.send(Requests.get("/echo/next")).readResponse().bodyText()).isEqualTo("next");
            }
        }
    }
    // end::accept-backoff-test[]
}
