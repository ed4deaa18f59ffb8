package dev.serverlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.net.StageServer;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stages 01–05 answer one request per connection: the response says
 * {@code Connection: close} and the server closes, whatever the client hoped.
 */
public interface OneRequestPerConnectionContract extends StageUnderTest {

    @Test
    default void answersWithConnectionCloseAndCloses(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir); RawClient client = RawClient.connect(server.port())) {
            RawResponse response = client.send(Requests.get("/echo/once", "Connection: keep-alive")).readResponse();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Connection")).contains("close");
            assertThat(client.awaitClosedByServer(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    default void pipelinedSecondRequestIsNotAnswered(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir); RawClient client = RawClient.connect(server.port())) {
            client.send(Requests.get("/echo/first") + Requests.get("/echo/second"));
            assertThat(client.readResponse().bodyText()).isEqualTo("first");
            try {
                client.readResponse();
                throw new AssertionError("a second response arrived on a one-request connection");
            } catch (java.io.EOFException | SocketTimeoutException expected) {
                // closed (or at worst silent): the second request was never answered
            }
        }
    }
}
