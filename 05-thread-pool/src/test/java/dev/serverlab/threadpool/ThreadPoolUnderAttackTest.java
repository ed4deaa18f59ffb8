package dev.serverlab.threadpool;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.Sockets;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.Parallel;
import dev.serverlab.testkit.Probes;
import dev.serverlab.testkit.RawClient;
import dev.serverlab.testkit.Requests;
import dev.serverlab.testkit.SlowReaderContract;
import dev.serverlab.testkit.SlowlorisContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Stage 05 under attack: the contracts about hostile or overwhelming
 * clients it claims, apart from its functional suite. Floods are
 * {@link dev.serverlab.testkit.FloodContract}, claimed by {@link ThreadPoolLimitsTest}.
 */
class ThreadPoolUnderAttackTest implements SlowlorisContract, SlowReaderContract {

    /** Four workers, a queue for every slow client: the slow ones hold every worker in turn. */
    @Override
    public StageServer startServerWithReadTimeout(Duration readTimeout) throws IOException {
        return started(new ThreadPoolServer(ServerConfig.onPort(0), 4, 64, readTimeout));
    }

    @Override
    public StageServer startServerServingOneAtATime(Path directory, Duration readTimeout) throws IOException {
        return started(new ThreadPoolServer(ServerConfig.onPort(0).withDirectory(directory), 1, 4, readTimeout));
    }

    /**
     * After a 408 the connection is closed with a lingering close, which reads
     * and discards what the client still sends; a slowloris client still
     * trickling would keep the worker in that loop for the whole one-second
     * linger. The linger after a timeout is shorter ({@link Sockets#LINGER_AFTER_TIMEOUT}),
     * so the only worker is back for the next client well within that second.
     */
    @Test
    void aTricklingClientDoesNotHoldTheWorkerLongPastIts408() throws Exception {
        try (StageServer server = started(new ThreadPoolServer(ServerConfig.onPort(0), 1, 4, Duration.ofMillis(300)));
             RawClient slow = RawClient.connect(server.port())) {
            slow.send("GET /echo/slow HTTP/1.1\r\nX-Slow: ");
            AtomicBoolean stop = new AtomicBoolean();
            Thread trickler = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (!stop.get()) {
                        slow.send("a");
                        Thread.sleep(20); // faster than the linger's reads time out: it never sees a quiet moment
                    }
                } catch (IOException | InterruptedException closed) {
                    // the server closed the connection: the trickle is over
                }
            });
            try {
                assertThat(slow.readStatusAndHeaders()).isEqualTo(408);
                var next = Parallel.timed(() -> Probes.exchange(server.port(), Requests.get("/echo/next")));
                assertThat(next.results().get(0).bodyText()).isEqualTo("next");
                assertThat(next.elapsed()).as("the worker back from a 408 while the client still trickles")
                        .isLessThan(Duration.ofSeconds(1));
            } finally {
                stop.set(true);
                trickler.join(5000);
            }
        }
    }

    private static StageServer started(StageServer server) throws IOException {
        server.start();
        return server;
    }
}
