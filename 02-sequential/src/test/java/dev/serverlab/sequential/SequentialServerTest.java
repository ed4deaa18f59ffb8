package dev.serverlab.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.LaunchContract;
import dev.serverlab.testkit.BadInputContract;
import dev.serverlab.testkit.OneRequestPerConnectionContract;
import dev.serverlab.testkit.Parallel;
import dev.serverlab.testkit.RawClient;
import dev.serverlab.testkit.RawResponse;
import dev.serverlab.testkit.Requests;
import dev.serverlab.testkit.RoutesContract;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Stage 02 serves everyone, eventually: the contracts pass, a hundred
 * clients all get their answer. Its limitation is shown by passing tests:
 * one slow or silent client stalls every other.
 */
class SequentialServerTest implements RoutesContract, BadInputContract, OneRequestPerConnectionContract, LaunchContract {

    @Override
    public StageServer newServer(ServerConfig config) {
        return new SequentialServer(config);
    }

    @Override
    public Class<?> mainClass() {
        return Main.class;
    }

    /** One connection at a time: a {@code /stats} probe would wait behind the request it asks about. */
    @Override
    public boolean answersProbesWhileBusy() {
        return false;
    }

    @Test
    void hundredClientsAtOnceAreAllServedOneAfterAnother() throws Exception {
        try (StageServer server = startServer(ServerConfig.onPort(0))) {
            var outcome = Parallel.run(100, i -> {
                try (RawClient client = RawClient.connect(server.port())) {
                    return client.send(Requests.get("/echo/client-" + i)).readResponse();
                }
            });
            for (int i = 0; i < 100; i++) {
                RawResponse response = outcome.results().get(i);
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.bodyText()).isEqualTo("client-" + i);
            }
            assertThat(server.stats().snapshot().accepted()).isEqualTo(100);
        }
    }

    /**
     * Three clients each asking for 300 ms of work, sent at once, take as
     * long as three sent one after another: the server does one at a time.
     * (A lower bound only: it follows from the sleeps, whatever the machine's load.)
     */
    // tag::slow-client[]
    @Test
    void slowClientStallsEveryoneElse() throws Exception {
        try (StageServer server = startServer(ServerConfig.onPort(0))) {
            var parallel = Parallel.run(3, i -> {
                try (RawClient client = RawClient.connect(server.port())) {
                    return client.send(Requests.get("/sleep/300")).readResponse().status();
                }
            });
            assertThat(parallel.results()).containsOnly(200);
            assertThat(parallel.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(3 * 300 - 30));
        }
    }
    // end::slow-client[]

    /**
     * A client that connects and sends nothing holds the only serving thread:
     * nobody else is answered until it leaves. There is no read timeout yet
     * (stage 05 adds one).
     */
    // tag::silent-client[]
    @Test
    void silentClientStallsEveryoneElseUntilItLeaves() throws Exception {
        try (StageServer server = startServer(ServerConfig.onPort(0))) {
            RawClient silent = RawClient.connect(server.port());
            try (RawClient patient = RawClient.connect(server.port())) {
                patient.send(Requests.get("/echo/patient")).readTimeout(Duration.ofSeconds(1));
                assertThat(catchThrowable(patient::readResponse))
                        .as("no answer while the silent client holds the server")
                        .isInstanceOf(SocketTimeoutException.class);
                silent.close();
                patient.readTimeout(Duration.ofSeconds(10));
                assertThat(patient.readResponse().bodyText()).isEqualTo("patient");
            }
        }
    }
    // end::silent-client[]
}
