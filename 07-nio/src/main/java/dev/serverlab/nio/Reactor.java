package dev.serverlab.nio;

import dev.serverlab.core.app.Handler;
import dev.serverlab.core.app.ServerStats;
import dev.serverlab.core.http.HttpLimits;
import dev.serverlab.core.http.ParserPool;
import dev.serverlab.core.net.Sockets;
import dev.serverlab.core.net.WorkerPool;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One selector loop: a thread that reads, parses, answers and writes for
 * every connection it was handed, never waiting on any one of them (Doug
 * Lea's reactor, "Scalable IO in Java"). With {@code --loops N} there are N
 * of these, each with its own selector, connections and deadlines; the
 * {@link Acceptor} deals new connections out to them in turn.
 *
 * <p>Lifecycle: {@link #run()} loops until shutdown: each turn it sleeps in
 * {@code select} until a socket is ready, another thread posts a task, or the
 * earliest deadline comes due; then it runs the posted tasks (new
 * connections, worker completions, shutdown), serves the ready sockets and
 * expires deadlines. {@link #beginDrain()} closes idle connections; the
 * loop ends once the last connection closes, or at once on {@link #stopNow()}.
 *
 * <p>The loop owns the selector, its set of open connections, their
 * {@link Deadlines} and a {@link ParserPool}; what it does for one ready
 * connection is {@link ConnectionHandler}'s job.
 *
 * <p>Everything here runs on the loop's thread, except {@link #post} and
 * {@link #adopt}: that is how the acceptor hands over a connection and how
 * workers hand back a response ({@code selector.wakeup()} cuts the {@code
 * select} short). Nothing here may block — one blocking call stalls every
 * connection of this loop — so handlers that may block go to the
 * {@link WorkerPool}.
 */
final class Reactor implements Runnable {

    private static final System.Logger LOG = System.getLogger(Reactor.class.getName());

    private final Selector selector;
    private final ConnectionHandler handler;
    private final ServerStats stats;

    private final Set<NioConnection> connections = new HashSet<>();
    private final Deadlines deadlines = new Deadlines();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private boolean draining;
    private boolean stopped;

    Reactor(Handler app, WorkerPool workers, ServerStats stats, NioOptions options,
            HttpLimits limits) throws IOException {
        this.selector = Selector.open();
        this.handler = new ConnectionHandler(this, app, workers, stats, options, deadlines, new ParserPool(limits));
        this.stats = stats;
    }

    // tag::loop[]
    @Override
    public void run() {
        try {
            while (!stopped) {
                selector.select(this::serve, millisUntil(deadlines.nextAt())); // ready, posted, or due
                runPostedTasks();                  // new connections, responses from workers, shutdown
                expireDeadlines(System.nanoTime()); // idle, read, write and linger timeouts
                stopped |= draining && connections.isEmpty();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "reactor loop failed", e);
        } finally {
            stopped = true;
            new ArrayList<>(connections).forEach(this::close);
            runPostedTasks(); // a connection handed over too late: register() closes it
            Sockets.closeQuietly(selector);
        }
    }

    /** One ready key: a connection that can be read or written. */
    private void serve(SelectionKey key) {
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

    // tag::adopt[]
    /** From the acceptor's thread: this loop serves {@code channel} from now on. */
    void adopt(SocketChannel channel) {
        post(() -> register(channel));
    }

    /** On the loop: watch the new connection for reads and give it its first deadline. */
    private void register(SocketChannel channel) {
        if (draining || stopped) {
            Sockets.closeQuietly(channel);
            return;
        }
        try {
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            NioConnection c = new NioConnection(channel, key);
            key.attach(c);
            connections.add(c);
            stats.connectionOpened();
            handler.settle(c); // IDLE, fresh: the read timeout runs from now
        } catch (IOException e) {
            Sockets.closeQuietly(channel);
        }
    }
    // end::adopt[]

    // --- timeouts ---------------------------------------------------------------------

    private void expireDeadlines(long now) {
        Deadlines.Entry expired;
        while ((expired = deadlines.pollExpired(now)) != null) {
            handler.expired((NioConnection) expired);
        }
    }

    private static long millisUntil(long at) {
        if (at == Deadlines.NONE) {
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

    /** On the loop: close idle connections, let the others finish their response. */
    void beginDrain() {
        draining = true;
        new ArrayList<>(connections).forEach(handler::settle);
    }

    /** On the loop: close everything now and end the loop. */
    void stopNow() {
        stopped = true;
    }
}
