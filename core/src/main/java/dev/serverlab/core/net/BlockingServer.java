package dev.serverlab.core.net;

import dev.serverlab.core.app.Handler;
import dev.serverlab.core.app.ServerStats;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every blocking stage (02–06, 08) has in common: a listening socket,
 * an {@link AcceptLoop}, the demo application, the open-connection registry
 * and an orderly shutdown. A stage extends this and writes only its
 * concurrency model, {@link #handOff(Socket)}.
 *
 * <p>Lifecycle: {@code start()} binds and starts the accept loop →
 * connections are handed off one by one → {@code shutdown(drain)} stops
 * accepting, lets the stage close what need not be waited for
 * ({@link #beforeDrain()}), waits up to {@code drain} for open connections to finish,
 * closes what is left, lets the stage release its threads
 * ({@link #afterDrain()}), and releases {@link #awaitTermination()}.
 */
public abstract class BlockingServer implements StageServer {

    protected final String name;
    protected final ServerConfig config;
    protected final ServerStats stats = new ServerStats();
    protected final Handler app;
    protected final OpenConnections connections = new OpenConnections(stats);

    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private ServerSocket listener;
    private AcceptLoop acceptLoop;

    protected BlockingServer(String name, ServerConfig config) {
        this.name = name;
        this.config = config;
        this.app = config.newApplication(stats);
    }

    // tag::start[]
    @Override
    public final void start() throws IOException {
        listener = Sockets.listen(config);   // the config says whether the port may be shared
        acceptLoop = new AcceptLoop(name + "-acceptor", listener, connections, this::handOff);
        acceptLoop.start();
    }
    // end::start[]

    /**
     * The stage's concurrency model: what happens to each accepted
     * connection. Called on the accepting thread; whatever it does, the
     * connection must end in {@code connections.close(socket)}.
     */
    protected abstract void handOff(Socket socket);

    /** Reads one request, answers it and closes: stages 01–05's unit of work. */
    // tag::serve-one-request[]
    protected final void serveOneRequest(Socket socket, Duration readTimeout) {
        try {
            BlockingExchange.serveOneRequest(socket, app, stats, config.limits(), readTimeout);
        } finally {
            connections.close(socket);
        }
    }
    // end::serve-one-request[]

    /**
     * Turns a connection away because the server is full: {@code 503} with
     * {@code Retry-After}, counted as rejected, closed. For stages that
     * bound their work (04 reject mode, 05, 06); runs on the accepting
     * thread and never waits for the client; the connection stays registered
     * until its lingering close is done.
     */
    // tag::refuse-busy[]
    protected final void refuseBusy(Socket socket) {
        stats.connectionRejected();
        BlockingExchange.refuse(socket, BlockingExchange.busyResponse(), () -> connections.close(socket));
    }
    // end::refuse-busy[]

    /**
     * Called once accepting has stopped, before shutdown waits for open
     * connections: a stage whose connections can sit idle (keep-alive)
     * closes those here, so they do not hold shutdown for the whole drain.
     */
    protected void beforeDrain() {
    }

    /** Called once all connections are closed, to stop the stage's own threads. */
    protected void afterDrain() {
    }

    @Override
    public final int port() {
        return listener.getLocalPort();
    }

    @Override
    public final ServerStats stats() {
        return stats;
    }

    // tag::shutdown[]
    @Override
    public final void shutdown(Duration drainTimeout) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        if (acceptLoop == null) { // never started: only the stage's own threads to stop
            afterDrain();
            terminated.countDown();
            return;
        }
        acceptLoop.stop();
        beforeDrain();
        connections.drain(drainTimeout);
        afterDrain();
        try {
            acceptLoop.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        terminated.countDown();
    }
    // end::shutdown[]

    @Override
    public final void awaitTermination() throws InterruptedException {
        terminated.await();
    }
}
