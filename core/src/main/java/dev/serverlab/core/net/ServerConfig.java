package dev.serverlab.core.net;

import dev.serverlab.core.http.HttpLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What every stage is configured with, whatever its concurrency model.
 * A stage's own flags (workers, timeouts, ...) live in the stage.
 *
 * @param port         the port to bind; 0 picks a free one
 * @param directory    where {@code /files/} reads and writes, if anywhere
 * @param limits       request size limits
 * @param drainTimeout how long shutdown waits for in-flight requests
 */
public record ServerConfig(int port, Optional<Path> directory, HttpLimits limits, Duration drainTimeout) {

    public static final int DEFAULT_PORT = 4221;
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(10);

    /** Defaults for everything but the port: no directory, default limits. */
    public static ServerConfig onPort(int port) {
        return new ServerConfig(port, Optional.empty(), HttpLimits.DEFAULTS, DEFAULT_DRAIN_TIMEOUT);
    }

    public ServerConfig withDirectory(Path dir) {
        return new ServerConfig(port, Optional.of(dir), limits, drainTimeout);
    }

    public ServerConfig withLimits(HttpLimits newLimits) {
        return new ServerConfig(port, directory, newLimits, drainTimeout);
    }

    public ServerConfig withDrainTimeout(Duration timeout) {
        return new ServerConfig(port, directory, limits, timeout);
    }
}
