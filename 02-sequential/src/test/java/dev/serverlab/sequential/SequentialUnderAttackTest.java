package dev.serverlab.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.RawClient;
import dev.serverlab.testkit.Requests;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Stage 02 under attack: the limitation {@link dev.serverlab.testkit.SlowlorisContract}
 * shows 05–08 overcoming. 02 has no read deadline, so one slowloris client,
 * sending a header byte now and then, holds the only serving thread for as
 * long as it keeps trickling.
 */
class SequentialUnderAttackTest {

    /**
     * One client trickles a header, a byte every 50 ms: a normal client
     * hears nothing for a whole second (it would wait as long as the
     * trickle lasts), and is served as soon as the slow one gives up.
     */
    @Test
    void oneSlowlorisClientStallsEveryoneElse() throws Exception {
        try (StageServer server = new SequentialServer(ServerConfig.onPort(0))) {
            server.start();
            AtomicBoolean stop = new AtomicBoolean();
            RawClient slow = RawClient.connect(server.port()).send("GET /echo/slow HTTP/1.1\r\nX-Slow: ");
            Thread trickler = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (!stop.get()) {
                        slow.send("a");
                        Thread.sleep(50); // the pacing IS the attack
                    }
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            try (RawClient normal = RawClient.connect(server.port())) {
                normal.send(Requests.get("/echo/normal")).readTimeout(Duration.ofSeconds(1));
                assertThat(catchThrowable(normal::readResponse))
                        .as("no answer while the slow client trickles")
                        .isInstanceOf(SocketTimeoutException.class);
                stop.set(true);
                trickler.join();
                slow.close();
                assertThat(normal.readTimeout(Duration.ofSeconds(10)).readResponse().bodyText()).isEqualTo("normal");
            }
        }
    }
}
