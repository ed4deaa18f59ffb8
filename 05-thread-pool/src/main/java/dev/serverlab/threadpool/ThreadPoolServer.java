package dev.serverlab.threadpool;

import dev.serverlab.core.net.BlockingServer;
import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.WorkerPool;
import java.net.Socket;
import java.time.Duration;

/**
 * Stage 05: a fixed pool of worker threads, started once, serves the
 * connections; a bounded queue holds the ones no worker is free for yet;
 * when both are full the acceptor answers 503 at once. Every connection has
 * a read deadline, so a client that goes silent gives its worker back.
 *
 * <p>Lifecycle of a connection: accepted on the acceptor thread → put in the
 * {@link WorkerPool}'s queue (or, if it is full, answered 503 and closed
 * right there) → a worker takes it, reads one request within the read
 * timeout, answers, closes → the worker takes the next. Shutdown stops
 * accepting, lets the connections in hand finish, then stops the workers
 * ({@link #afterDrain()}).
 *
 * <p>The thread count no longer depends on the load: workers + one acceptor.
 */
public final class ThreadPoolServer extends BlockingServer {

    public static final int DEFAULT_WORKERS = 8;
    public static final int DEFAULT_QUEUE = 64;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    private final WorkerPool pool;
    private final Duration readTimeout;

    /**
     * @param workers     worker threads, {@code --workers}
     * @param queue       accepted connections that may wait for a worker, {@code --queue}; 0 = none
     * @param readTimeout deadline for the first byte and for the whole request, {@code --read-timeout}; 0 = none
     */
    public ThreadPoolServer(ServerConfig config, int workers, int queue, Duration readTimeout) {
        super("05-thread-pool", config);
        this.readTimeout = readTimeout;
        this.pool = new WorkerPool(name + "-worker-", workers, queue);
    }

    // tag::hand-off[]
    @Override
    protected void handOff(Socket socket) {
        boolean queued = pool.trySubmit(() -> serveOneRequest(socket, readTimeout));
        if (!queued) {
            // Every worker busy and the queue full: say so now rather than
            // let the client wait unseen, as stage 04's wait mode did.
            refuseBusy(socket);
        }
    }
    // end::hand-off[]

    @Override
    protected void afterDrain() {
        pool.shutdown(Duration.ofSeconds(1));
    }
}
