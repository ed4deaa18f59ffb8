package dev.serverlab.core.net;

import dev.serverlab.core.app.ServerStats;
import java.io.IOException;
import java.time.Duration;

/**
 * A running stage server, as its {@code Main}, the tests and the benchmarks
 * drive it in-process.
 *
 * <p>Lifecycle: {@link #start()} binds and returns once the port is bound
 * (the server then serves on threads of its own); {@link #shutdown} stops
 * accepting, lets in-flight requests finish for up to the drain timeout,
 * then closes what is left; {@link #awaitTermination()} blocks until the
 * server has stopped, which stage 01 does by itself after one connection.
 */
public interface StageServer extends AutoCloseable {

    /** Binds the listening socket and starts serving. */
    void start() throws IOException;

    /** The bound port; meaningful after {@link #start()}. */
    int port();

    /** The counters behind {@code /stats}. */
    ServerStats stats();

    /**
     * Stops accepting, waits up to {@code drainTimeout} for requests in
     * progress, then closes every connection still open. Idempotent.
     */
    void shutdown(Duration drainTimeout);

    /** Blocks until the server has stopped serving. */
    void awaitTermination() throws InterruptedException;

    /** Shuts down with a short drain, for tests and try-with-resources. */
    @Override
    default void close() {
        shutdown(Duration.ofSeconds(2));
    }
}
