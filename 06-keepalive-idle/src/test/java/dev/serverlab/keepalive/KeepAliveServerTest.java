package dev.serverlab.keepalive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.LaunchContract;
import dev.serverlab.testkit.BadInputContract;
import dev.serverlab.testkit.ConcurrencyContract;
import dev.serverlab.testkit.KeepAliveContract;
import dev.serverlab.testkit.KeepAliveOptions;
import dev.serverlab.testkit.Polling;
import dev.serverlab.testkit.RawClient;
import dev.serverlab.testkit.RawResponse;
import dev.serverlab.testkit.Requests;
import dev.serverlab.testkit.RoutesContract;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Stage 06 serves the routes, survives bad input and keeps connections
 * alive as HTTP/1.1 says (the contracts). Its limitation is a passing test:
 * an idle keep-alive connection still holds a whole worker thread.
 */
class KeepAliveServerTest
        implements RoutesContract, BadInputContract, ConcurrencyContract, KeepAliveContract, LaunchContract {

    // Room for the contracts' bursts (ConcurrencyContract opens 200 connections at
    // once, BadInputContract 20): they test protocol and overlap, not capacity, and
    // must never meet a 503.
    private static final int WORKERS = 8;
    private static final int QUEUE = 256;


    @Override
    public Class<?> mainClass() {
        return Main.class;
    }

    @Override
    public StageServer newServer(ServerConfig config, KeepAliveOptions options) {
        return new KeepAliveServer(config, WORKERS, QUEUE,
                options.idleTimeout(), options.readTimeout(), options.keepAlive());
    }

    /**
     * With two workers, two keep-alive clients that have been answered and
     * now say nothing still hold both workers: a third client's request waits
     * in the queue, unanswered, until the idle timeout closes one of them and
     * frees its worker. An idle connection costs a whole thread.
     */
    // tag::idle-holds-worker[]
    @Test
    void idleKeepAliveClientsHoldEveryWorker() throws Exception {
        Duration idleTimeout = Duration.ofSeconds(2);
        try (StageServer server = new KeepAliveServer(ServerConfig.onPort(0), 2, QUEUE,
                idleTimeout, Duration.ofSeconds(10), true)) {
            server.start();
            try (RawClient first = RawClient.connect(server.port());
                 RawClient second = RawClient.connect(server.port());
                 RawClient third = RawClient.connect(server.port())) {
                assertThat(first.send(Requests.get("/echo/1")).readResponse().bodyText()).isEqualTo("1");
                assertThat(second.send(Requests.get("/echo/2")).readResponse().bodyText()).isEqualTo("2");
                long idleSince = System.nanoTime();

                third.send(Requests.get("/echo/3")).readTimeout(Duration.ofMillis(500));
                assertThat(catchThrowable(third::readResponse))
                        .as("no worker is free while two idle clients hold them")
                        .isInstanceOf(SocketTimeoutException.class);

                third.readTimeout(Duration.ofSeconds(20));
                RawResponse late = third.readResponse();
                Duration waited = Duration.ofNanos(System.nanoTime() - idleSince);
                assertThat(late.bodyText()).isEqualTo("3");
                assertThat(waited).as("answered only once an idle timeout freed a worker")
                        .isGreaterThanOrEqualTo(idleTimeout.minusMillis(100));
                assertThat(server.stats().snapshot().timedOut()).isGreaterThanOrEqualTo(1);
            }
        }
    }
    // end::idle-holds-worker[]

    /** The same idle clients cost nothing once keep-alive is off: each worker is back after one request. */
    @Test
    void withKeepAliveOffIdleClientsHoldNoWorker() throws Exception {
        try (StageServer server = new KeepAliveServer(ServerConfig.onPort(0), 2, QUEUE,
                Duration.ofSeconds(30), Duration.ofSeconds(10), false)) {
            server.start();
            try (RawClient first = RawClient.connect(server.port());
                 RawClient second = RawClient.connect(server.port());
                 RawClient third = RawClient.connect(server.port())) {
                first.send(Requests.get("/echo/1")).readResponse();
                second.send(Requests.get("/echo/2")).readResponse();
                assertThat(third.send(Requests.get("/echo/3")).readResponse().bodyText()).isEqualTo("3");
                Polling.until(() -> server.stats().snapshot().active() == 0, Duration.ofSeconds(5));
            }
        }
    }
}
