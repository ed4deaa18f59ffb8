package dev.serverlab.singleconnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.LaunchContract;
import dev.serverlab.testkit.OneRequestPerConnectionContract;
import dev.serverlab.testkit.RawClient;
import dev.serverlab.testkit.Requests;
import dev.serverlab.testkit.RoutesContract;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stage 01 serves every route (one fresh server per test, since each serves
 * a single connection) and shows its limitation: a second client is never
 * served.
 */
class SingleConnectionServerTest implements RoutesContract, OneRequestPerConnectionContract, LaunchContract {

    @Override
    public StageServer newServer(ServerConfig config) {
        return new SingleConnectionServer(config);
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

    /** After its one connection the server is gone: the port refuses the next client. */
    @Test
    void secondClientIsRefusedAfterTheFirstIsServed() throws Exception {
        try (StageServer server = startServer(ServerConfig.onPort(0))) {
            int port = server.port();
            try (RawClient first = RawClient.connect(port)) {
                assertThat(first.send(Requests.get("/echo/first")).readResponse().bodyText()).isEqualTo("first");
            }
            assertThat(terminates(server)).as("the server ends after one connection").isTrue();
            assertThat(catchThrowable(() -> RawClient.connect(port).close())).isInstanceOf(ConnectException.class);
        }
    }

    /**
     * A client that arrives while the first is being served is accepted by the
     * kernel (the TCP handshake completes into the listen backlog) but never by
     * the program: when the listener closes it is reset, unanswered.
     */
    // tag::queued-client[]
    @Test
    void clientQueuedBehindTheFirstIsNeverAnswered() throws Exception {
        try (StageServer server = startServer(ServerConfig.onPort(0));
             RawClient first = RawClient.connect(server.port());
             RawClient second = RawClient.connect(server.port())) {
            first.send(Requests.get("/sleep/200"));
            second.send(Requests.get("/echo/second"));
            assertThat(first.readResponse().status()).isEqualTo(200);
            Throwable unanswered = catchThrowable(second::readResponse);
            assertThat(unanswered).as("closed or reset without a response").isInstanceOf(IOException.class);
        }
    }
    // end::queued-client[]

    private static boolean terminates(StageServer server) throws InterruptedException {
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                server.awaitTermination();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.join(TimeUnit.SECONDS.toMillis(10));
        return !waiter.isAlive();
    }
}
