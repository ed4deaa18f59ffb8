package dev.serverlab.virtualthreads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.serverlab.core.cli.OptInFlags;
import dev.serverlab.core.cli.StageLauncher;
import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.Polling;
import dev.serverlab.testkit.RawClient;
import dev.serverlab.testkit.Requests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --reuse-port true} (chapter 10): several instances of the stage on
 * one port, with the kernel spreading connections across them; without the
 * flag the port belongs to the first process and the second exits 1.
 */
@Timeout(30)
class ReusePortTest {

    private static StageServer server(ServerConfig config) {
        return new VirtualThreadServer(config, 100, Duration.ofSeconds(30), Duration.ofSeconds(10), true);
    }

    private static boolean platformHasReusePort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            return probe.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
        }
    }

    /**
     * Both bind; on Linux both are handed connections (64 fresh connections
     * all landing on one listener by the kernel's hash would take odds of
     * 2^-63); and when one stops, the other keeps the port answering.
     */
    @Test
    void twoInstancesWithReusePortShareOnePort() throws Exception {
        assumeTrue(platformHasReusePort(), "this platform has no SO_REUSEPORT");
        try (StageServer first = server(ServerConfig.onPort(0).withReusePort(true))) {
            first.start();
            int port = first.port();
            try (StageServer second = server(ServerConfig.onPort(port).withReusePort(true))) {
                second.start();
                assertThat(second.port()).isEqualTo(port);

                for (int i = 0; i < 64; i++) {
                    try (RawClient client = RawClient.connect(port)) {
                        assertThat(client.send(Requests.get("/echo/" + i, "Connection: close"))
                                .readResponse().status()).isEqualTo(200);
                    }
                }
                if (System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
                    // macOS accepts the option but gives every connection to one listener.
                    assertThat(first.stats().snapshot().accepted()).as("first instance's share").isPositive();
                    assertThat(second.stats().snapshot().accepted()).as("second instance's share").isPositive();
                }

                first.shutdown(Duration.ofSeconds(5));
                try (RawClient client = RawClient.connect(port)) {
                    assertThat(client.send(Requests.get("/echo/still", "Connection: close"))
                            .readResponse().bodyText()).isEqualTo("still");
                }
            }
        }
    }

    /**
     * Taking one instance out (what SIGTERM does through the launcher): a
     * request it is serving when the drain begins still gets its whole
     * answer, marked {@code Connection: close} (RFC 9112 §9.6) because the
     * drain began first, and the port keeps answering from the other one.
     */
    @Test
    void aDrainingInstanceFinishesItsInFlightRequestAndTheOtherKeepsThePort() throws Exception {
        assumeTrue(platformHasReusePort(), "this platform has no SO_REUSEPORT");
        try (StageServer first = server(ServerConfig.onPort(0).withReusePort(true))) {
            first.start();
            int port = first.port();
            // Connected while first is the port's only listener, so first serves it.
            try (RawClient inFlight = RawClient.connect(port);
                 StageServer second = server(ServerConfig.onPort(port).withReusePort(true))) {
                inFlight.send(Requests.get("/sleep/3000"));
                Polling.until("the request reached the first instance",
                        () -> first.stats().snapshot().requests() == 1, Duration.ofSeconds(10));
                second.start();

                Thread drain = Thread.ofPlatform().start(() -> first.shutdown(Duration.ofSeconds(10)));
                var response = inFlight.readResponse();
                drain.join(Duration.ofSeconds(15));

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.bodyText()).isEqualTo("slept 3000 ms");
                assertThat(response.saysClose()).as("the drain began while the request was in flight").isTrue();
                assertThat(drain.isAlive()).as("the drain ended once the request was answered").isFalse();
                for (int i = 0; i < 8; i++) {
                    try (RawClient client = RawClient.connect(port)) {
                        assertThat(client.send(Requests.get("/echo/" + i, "Connection: close"))
                                .readResponse().bodyText()).isEqualTo(Integer.toString(i));
                    }
                }
                assertThat(second.stats().snapshot().accepted()).as("second instance's share").isEqualTo(8);
            }
        }
    }

    /** The launcher's answer to a taken port: one line on stderr, exit 1. Without the flag, or with it on one side only. */
    @Test
    void withoutReusePortOnBothTheSecondInstanceExitsOneWithPortInUse() throws Exception {
        for (boolean firstShares : new boolean[] {false, true}) {
            try (StageServer first = server(ServerConfig.onPort(0).withReusePort(firstShares))) {
                first.start();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int status = StageLauncher.run("08-virtual-threads", "test", new String[] {
                        "--port", Integer.toString(first.port())}, List.of(OptInFlags.REUSE_PORT),
                        options -> server(options.serverConfig()),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

                assertThat(status).as("first instance shares: %s", firstShares).isEqualTo(StageLauncher.EXIT_FAILED);
                assertThat(err.toString(StandardCharsets.UTF_8))
                        .startsWith("08-virtual-threads: cannot listen on port " + first.port())
                        .contains("in use");
            }
        }
    }

    /** The flag reaches the config: {@code --reuse-port true} binds beside an instance that shares. */
    @Test
    void theFlagTurnsReusePortOn() throws Exception {
        assumeTrue(platformHasReusePort(), "this platform has no SO_REUSEPORT");
        try (StageServer first = server(ServerConfig.onPort(0).withReusePort(true))) {
            first.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread launcher = Thread.ofPlatform().start(() -> StageLauncher.run("08-virtual-threads", "test",
                    new String[] {"--port", Integer.toString(first.port()), "--reuse-port", "true"},
                    List.of(OptInFlags.REUSE_PORT), options -> server(options.serverConfig()),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
            Polling.until("start-up line or exit", () -> out.toString(StandardCharsets.UTF_8).contains("listening on")
                    || !launcher.isAlive(), Duration.ofSeconds(20));
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("08-virtual-threads listening on http://localhost:" + first.port() + "/");
            launcher.interrupt();   // the launcher drains and returns, as on SIGTERM
            launcher.join(Duration.ofSeconds(15));
            assertThat(launcher.isAlive()).isFalse();
        }
    }
}
