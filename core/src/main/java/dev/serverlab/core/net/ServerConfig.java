package dev.serverlab.core.net;

import dev.serverlab.core.app.DemoApp;
import dev.serverlab.core.app.Handler;
import dev.serverlab.core.app.ServerStats;
import dev.serverlab.core.http.HttpLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every stage is configured with, whatever its concurrency model.
 * A stage's own flags (workers, timeouts, ...) live in the stage.
 *
 * @param port         the port to bind; 0 picks a free one
 * @param directory    where {@code /files/} reads and writes, if anywhere
 * @param limits       request size limits
 * @param drainTimeout how long shutdown waits for in-flight requests
 * @param application  makes the application from the server's counters;
 *                     empty means the demo app ({@link DemoApp}) over {@code directory}
 * @param reusePort    bind with {@code SO_REUSEPORT}, so several processes can
 *                     listen on one port; off unless a stage opts in
 */
public record ServerConfig(int port, Optional<Path> directory, HttpLimits limits, Duration drainTimeout,
                           Optional<Function<ServerStats, Handler>> application, boolean reusePort) {

    public static final int DEFAULT_PORT = 4221;
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(10);

    /** The demo application, without {@code SO_REUSEPORT}: the port belongs to this process alone. */
    public ServerConfig(int port, Optional<Path> directory, HttpLimits limits, Duration drainTimeout) {
        this(port, directory, limits, drainTimeout, Optional.empty(), false);
    }

    /** Defaults for everything but the port: no directory, default limits. */
    public static ServerConfig onPort(int port) {
        return new ServerConfig(port, Optional.empty(), HttpLimits.DEFAULTS, DEFAULT_DRAIN_TIMEOUT);
    }

    public ServerConfig withDirectory(Path dir) {
        return new ServerConfig(port, Optional.of(dir), limits, drainTimeout, application, reusePort);
    }

    public ServerConfig withLimits(HttpLimits newLimits) {
        return new ServerConfig(port, directory, newLimits, drainTimeout, application, reusePort);
    }

    public ServerConfig withDrainTimeout(Duration timeout) {
        return new ServerConfig(port, directory, limits, timeout, application, reusePort);
    }

    /** Serves this application instead of the demo app: the one {@link Handler} a server runs. */
    public ServerConfig withApplication(Function<ServerStats, Handler> app) {
        return new ServerConfig(port, directory, limits, drainTimeout, Optional.of(app), reusePort);
    }

    public ServerConfig withReusePort(boolean reuse) {
        return new ServerConfig(port, directory, limits, drainTimeout, application, reuse);
    }

    /** The handler a server runs, made once per server with that server's counters. */
    public Handler newApplication(ServerStats stats) {
        return application.map(f -> f.apply(stats)).orElseGet(() -> new DemoApp(stats, directory));
    }
}
