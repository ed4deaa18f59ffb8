package dev.serverlab.nio;

import dev.serverlab.core.app.Handler;
import dev.serverlab.core.app.ServerStats;
import dev.serverlab.core.http.HttpLimits;
import dev.serverlab.core.http.RequestAssembler;
import dev.serverlab.core.net.AcceptBackoff;
import dev.serverlab.core.net.AcceptFailureLog;
import dev.serverlab.core.net.Sockets;
import dev.serverlab.core.net.WorkerPool;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The selector loop: one thread that accepts, reads, parses, answers and
 * writes for every connection, never waiting on any one of them (Doug Lea's
 * reactor, "Scalable IO in Java").
 *
 * <p>Lifecycle: {@link #run()} loops until shutdown: each turn it sleeps in
 * {@code select} until a socket is ready, another thread posts a task, or the
 * earliest deadline comes due; then it runs the posted tasks (worker
 * completions, shutdown), serves the ready sockets and expires deadlines.
 * {@link #beginDrain()} stops accepting and closes idle connections; the loop
 * ends once the last connection closes, or at once on {@link #stopNow()}.
 *
 * <p>The loop owns the selector, the listener, the set of open connections
 * and their {@link Deadlines}; what it does for one ready connection is
 * {@link ConnectionHandler}'s job.
 *
 * <p>Everything here runs on the loop's thread, except {@link #post}: that
 * is how workers hand a response back ({@code selector.wakeup()} cuts the
 * {@code select} short). Nothing here may block — one blocking call stalls
 * every connection — so handlers that may block go to the {@link WorkerPool}.
 */
final class Reactor implements Runnable {

    /** Accepts one pending connection, or null if none is pending; a seam for fault injection. */
    @FunctionalInterface
    interface Acceptor {
        SocketChannel accept(ServerSocketChannel listener) throws IOException;
    }

    private static final System.Logger LOG = System.getLogger(Reactor.class.getName());
    private static final long NEVER = Long.MAX_VALUE;

    private final Selector selector;
    private final ServerSocketChannel listener;
    private final SelectionKey acceptKey;
    private final Acceptor acceptor;
    private final ConnectionHandler handler;
    private final ServerStats stats;
    private final HttpLimits limits;

    private final Set<NioConnection> connections = new HashSet<>();
    private final Deadlines<NioConnection> deadlines = new Deadlines<>();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AcceptBackoff backoff = new AcceptBackoff();
    private long acceptResumesAt = NEVER;
    private boolean draining;
    private boolean stopped;

    Reactor(Selector selector, ServerSocketChannel listener, Acceptor acceptor, Handler app, WorkerPool workers,
            ServerStats stats, NioOptions options, HttpLimits limits) throws IOException {
        this.selector = selector;
        this.listener = listener;
        this.acceptKey = listener.register(selector, SelectionKey.OP_ACCEPT);
        this.acceptor = acceptor;
        this.handler = new ConnectionHandler(this, app, workers, stats, options, deadlines);
        this.stats = stats;
        this.limits = limits;
    }

    // tag::loop[]
    @Override
    public void run() {
        try {
            while (!stopped) {
                long wait = millisUntil(Math.min(deadlines.nextAt(), acceptResumesAt));
                selector.select(this::serve, wait);    // sleep until something is ready, posted, or due
                runPostedTasks();                      // responses from workers, shutdown
                long now = System.nanoTime();
                expireDeadlines(now);                  // idle, read, write and linger timeouts
                resumeAcceptingIfDue(now);
                stopped |= draining && connections.isEmpty();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "reactor loop failed", e);
        } finally {
            new ArrayList<>(connections).forEach(this::close);
            Sockets.closeQuietly(listener);
            Sockets.closeQuietly(selector);
        }
    }

    /** One ready key: a pending connection, or a connection that can be read or written. */
    private void serve(SelectionKey key) {
        if (key == acceptKey) {
            acceptPending();
            return;
        }
        NioConnection c = (NioConnection) key.attachment();
        try {
            if (key.isValid() && key.isWritable()) {
                handler.onWritable(c);
            }
            if (key.isValid() && key.isReadable()) {
                handler.onReadable(c);
            }
        } catch (IOException e) {
            close(c); // the client vanished mid-request or mid-response: only its connection is lost
        }
    }
    // end::loop[]

    /** True once shutdown has begun: responses say {@code Connection: close}, idle connections close. */
    boolean draining() {
        return draining;
    }

    /** Queues a task for the loop's thread and wakes the loop; callable from any thread. */
    void post(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    // --- accepting --------------------------------------------------------------------

    // tag::accept[]
    private void acceptPending() {
        while (true) {
            SocketChannel channel;
            try {
                channel = acceptor.accept(listener);
            } catch (IOException e) {
                if (listener.isOpen()) {
                    pauseAccepting(e); // e.g. "Too many open files"
                }
                return;
            }
            if (channel == null) {
                return; // nothing more pending right now
            }
            backoff.succeeded();
            register(channel);
        }
    }

    /**
     * A loop cannot sleep off a failed accept as the blocking stages do: every
     * other connection would stall. Instead it stops watching the listener
     * until the backoff delay has passed; the pending connection waits in the
     * kernel's queue meanwhile.
     */
    private void pauseAccepting(IOException e) {
        Duration delay = backoff.failed();
        AcceptFailureLog.retrying(e, delay); // stderr, not a logger, which might need a descriptor
        acceptKey.interestOps(0);
        acceptResumesAt = System.nanoTime() + delay.toNanos();
    }
    // end::accept[]

    private void resumeAcceptingIfDue(long now) {
        if (acceptResumesAt != NEVER && now >= acceptResumesAt) {
            acceptResumesAt = NEVER;
            if (acceptKey.isValid()) {
                acceptKey.interestOps(SelectionKey.OP_ACCEPT);
            }
        }
    }

    private void register(SocketChannel channel) {
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            NioConnection c = new NioConnection(channel, key, new RequestAssembler(limits));
            key.attach(c);
            connections.add(c);
            stats.connectionOpened();
            handler.settle(c);
        } catch (IOException e) {
            Sockets.closeQuietly(channel);
        }
    }

    // --- timeouts ---------------------------------------------------------------------


    private void expireDeadlines(long now) {
        NioConnection c;
        while ((c = deadlines.pollExpired(now)) != null) {
            handler.expired(c);
        }
    }

    private static long millisUntil(long at) {
        if (at == NEVER) {
            return 0; // select(0): no timeout at all
        }
        long nanos = at - System.nanoTime();
        return Math.max(1, (nanos + 999_999) / 1_000_000);
    }

    // --- closing and shutdown ---------------------------------------------------------

    /** Closes a connection for good; safe to call twice. */
    void close(NioConnection c) {
        if (c.closed) {
            return;
        }
        c.closed = true;
        deadlines.cancel(c);
        connections.remove(c);
        c.key.cancel();
        Sockets.closeQuietly(c.channel);
        stats.connectionClosed();
    }

    private void runPostedTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    /** On the loop: stop accepting, close idle connections, let the others finish their response. */
    void beginDrain() {
        draining = true;
        acceptKey.cancel();
        Sockets.closeQuietly(listener);
        new ArrayList<>(connections).forEach(handler::settle);
    }

    /** On the loop: close everything now and end the loop. */
    void stopNow() {
        stopped = true;
    }
}
