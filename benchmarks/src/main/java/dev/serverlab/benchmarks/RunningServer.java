package dev.serverlab.benchmarks;

import java.util.concurrent.CountDownLatch;

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

    /**
     * For a server run as its own process ({@link ServerMain}, the peers'
     * {@code PeerMain}): prints the start-up line a stage prints, which
     * {@link ChildServer} and {@code ./bench} wait for, then serves until the
     * process is killed, closing the server on the way out.
     */
    static void serveUntilKilled(String name, RunningServer server) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println(name + " listening on http://localhost:" + server.port() + "/");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
