package dev.serverlab.nio;

import dev.serverlab.core.app.ServerStats;
import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.Sockets;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.core.net.WorkerPool;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stage 07: one selector thread holds every connection; a few workers run
 * the handlers that may block. Unlike stages 02–06 it is not a
 * {@link dev.serverlab.core.net.BlockingServer}: there is no thread to hand
 * a connection to, only a loop to register it with.
 *
 * <p>Lifecycle: {@code start()} binds a non-blocking listener, starts the
 * workers and the {@link Reactor}'s thread → the reactor serves → {@code
 * shutdown(drain)} asks the reactor to stop accepting and close idle
 * connections, waits up to {@code drain} for the busy ones to finish their
 * response, then stops the loop and the workers and releases
 * {@link #awaitTermination()}. Platform threads: 1 + {@code workers}, however
 * many connections are open.
 */
public final class NioServer implements StageServer {

    /** Blocking requests that may wait for a busy worker; beyond that, 503. */
    static final int WORKER_QUEUE = 1024;

    private final ServerConfig config;
    private final NioOptions options;
    private final Reactor.Acceptor acceptor;
    private final ServerStats stats = new ServerStats();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);

    private ServerSocketChannel listener;
    private WorkerPool workers;
    private Reactor reactor;
    private Thread loop;

    public NioServer(ServerConfig config, NioOptions options) {
        this(config, options, ServerSocketChannel::accept);
    }

    /** With a stand-in for {@code accept}, so tests can make it fail like an exhausted process. */
    NioServer(ServerConfig config, NioOptions options, Reactor.Acceptor acceptor) {
        this.config = config;
        this.options = options;
        this.acceptor = acceptor;
    }

    // tag::start[]
    @Override
    public void start() throws IOException {
        listener = ServerSocketChannel.open();
        listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        listener.bind(new InetSocketAddress(config.port()), Sockets.BACKLOG);
        listener.configureBlocking(false); // accept() returns null instead of waiting
        Selector selector = Selector.open();
        workers = options.workers() == 0 ? null
                : new WorkerPool("07-nio-worker-", options.workers(), WORKER_QUEUE);
        reactor = new Reactor(selector, listener, acceptor, config.newApplication(stats), workers,
                stats, options, config.limits());
        loop = Thread.ofPlatform().name("07-nio-loop").start(reactor);
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
        if (loop == null) { // never started
            terminated.countDown();
            return;
        }
        try {
            reactor.post(reactor::beginDrain);
            loop.join(Math.max(1, drainTimeout.toMillis()));
            if (loop.isAlive()) {
                reactor.post(reactor::stopNow);
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
