package dev.serverlab.nio;

import dev.serverlab.core.app.Handler;
import dev.serverlab.core.app.ServerStats;
import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.Sockets;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.core.net.WorkerPool;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stage 07: selector loops hold every connection; a few workers run the
 * handlers that may block. Unlike stages 02–06 it is not a
 * {@link dev.serverlab.core.net.BlockingServer}: there is no thread to hand
 * a connection to, only a loop to register it with.
 *
 * <p>Lifecycle: {@code start()} binds the listener, starts the workers, the
 * {@link Reactor} loops and the {@link Acceptor}'s thread → the loops serve →
 * {@code shutdown(drain)} closes the listener (the acceptor ends), asks each
 * loop to close its idle connections, waits up to {@code drain} for the busy
 * ones to finish their response, then stops the loops and the workers and
 * releases {@link #awaitTermination()}. Platform threads: 1 acceptor +
 * {@code loops} + {@code workers}, however many connections are open.
 */
public final class NioServer implements StageServer {

    /** Blocking requests that may wait for a busy worker; beyond that, 503. */
    static final int WORKER_QUEUE = 1024;

    private final ServerConfig config;
    private final NioOptions options;
    private final Acceptor.AcceptCall accept;
    private final ServerStats stats = new ServerStats();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);

    private ServerSocketChannel listener;
    private WorkerPool workers;
    private final List<Reactor> reactors = new ArrayList<>();
    private final List<Thread> loops = new ArrayList<>();
    private Thread acceptor;

    public NioServer(ServerConfig config, NioOptions options) {
        this(config, options, ServerSocketChannel::accept);
    }

    /** With a stand-in for {@code accept}, so tests can make it fail like an exhausted process. */
    NioServer(ServerConfig config, NioOptions options, Acceptor.AcceptCall accept) {
        this.config = config;
        this.options = options;
        this.accept = accept;
    }

    // tag::start[]
    @Override
    public void start() throws IOException {
        listener = ServerSocketChannel.open();
        Sockets.bind(listener.socket(), config); // SO_REUSEADDR, and SO_REUSEPORT with --reuse-port true
        workers = options.workers() == 0 ? null
                : new WorkerPool("07-nio-worker-", options.workers(), WORKER_QUEUE);
        Handler app = config.newApplication(stats);
        for (int i = 0; i < options.loops(); i++) {
            Reactor reactor = new Reactor(app, workers, stats, options, config.limits());
            reactors.add(reactor);
            loops.add(Thread.ofPlatform().name("07-nio-loop-" + i).start(reactor));
        }
        acceptor = Thread.ofPlatform().name("07-nio-acceptor").start(new Acceptor(listener, accept, reactors));
    }
    // end::start[]

    @Override
    public int port() {
        return listener.socket().getLocalPort();
    }

    @Override
    public ServerStats stats() {
        return stats;
    }

    @Override
    public void shutdown(Duration drainTimeout) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        if (acceptor == null) { // never started
            if (listener != null) {
                Sockets.closeQuietly(listener); // start() failed after opening it
            }
            terminated.countDown();
            return;
        }
        try {
            Sockets.closeQuietly(listener); // the acceptor's accept() throws and it ends
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
            reactors.forEach(r -> r.post(r::beginDrain));
            long deadline = System.nanoTime() + drainTimeout.toNanos();
            for (Thread loop : loops) {
                loop.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
            reactors.forEach(r -> r.post(r::stopNow)); // a no-op for loops already ended
            for (Thread loop : loops) {
                loop.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (workers != null) {
                workers.shutdown(Duration.ofSeconds(2));
            }
            terminated.countDown();
        }
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }
}
