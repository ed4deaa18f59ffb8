package dev.serverlab.benchmarks;

/**
 * A server under benchmark, started in-process and bound to 127.0.0.1:
 * one of the stages or a reference peer. This is all a benchmark needs of
 * it: where to connect, and how to stop it.
 */
public interface RunningServer extends AutoCloseable {

    /** The bound port. */
    int port();

    /** Stops the server and frees its threads; idempotent. */
    @Override
    void close();
}
