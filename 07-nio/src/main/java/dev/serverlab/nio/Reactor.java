package dev.serverlab.nio;

import dev.serverlab.core.app.Handler;
import dev.serverlab.core.app.ServerStats;
import dev.serverlab.core.http.ConnectionPersistence;
import dev.serverlab.core.http.HttpLimits;
import dev.serverlab.core.http.HttpProtocolException;
import dev.serverlab.core.http.Request;
import dev.serverlab.core.http.RequestAssembler;
import dev.serverlab.core.http.Response;
import dev.serverlab.core.http.ResponseEncoder;
import dev.serverlab.core.net.AcceptBackoff;
import dev.serverlab.core.net.BlockingExchange;
import dev.serverlab.core.net.Sockets;
import dev.serverlab.core.net.WorkerPool;
import dev.serverlab.nio.NioConnection.State;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
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
    private static final long LINGER_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long NEVER = Long.MAX_VALUE;

    private final Selector selector;
    private final ServerSocketChannel listener;
    private final SelectionKey acceptKey;
    private final Acceptor acceptor;
    private final Handler app;
    private final WorkerPool workers; // null: --workers 0, every handler runs on the loop
    private final ServerStats stats;
    private final NioOptions options;
    private final HttpLimits limits;

    private final Set<NioConnection> connections = new HashSet<>();
    private final Deadlines<NioConnection> deadlines = new Deadlines<>();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    // One read buffer for all connections: the parser keeps what it needs, so an idle connection costs no buffer.
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
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
        this.app = app;
        this.workers = workers;
        this.stats = stats;
        this.options = options;
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
                onWritable(c);
            }
            if (key.isValid() && key.isReadable()) {
                onReadable(c);
            }
        } catch (IOException e) {
            close(c); // the client vanished mid-request or mid-response: only its connection is lost
        }
    }
    // end::loop[]

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
        LOG.log(System.Logger.Level.WARNING, "accept failed (" + e.getMessage() + "); retrying in "
                + delay.toMillis() + " ms");
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
            settle(c);
        } catch (IOException e) {
            Sockets.closeQuietly(channel);
        }
    }

    // --- reading, answering, writing --------------------------------------------------

    private void onReadable(NioConnection c) throws IOException {
        if (c.lingering) {
            discardInput(c);
            return;
        }
        if (c.readInto(readBuffer) < 0) {
            close(c); // EOF: between requests a goodbye, mid-request a vanished client
            return;
        }
        serveBuffered(c);
    }

    private void onWritable(NioConnection c) throws IOException {
        serveBuffered(c); // writes what is pending; once drained, held-back pipelined requests go on
    }

    // tag::serve-buffered[]
    /**
     * Answers every complete request the parser holds, in order, as far as the
     * connection may go on: not while a worker has its previous request, not
     * past the output bound, not after a response that closes. Output that
     * drains at once lets pipelined requests held back by the bound go on.
     */
    private void serveBuffered(NioConnection c) throws IOException {
        boolean needBytes;
        do {
            needBytes = answerParsedRequests(c);
            flush(c);
        } while (!needBytes && !c.hasOutput() && c.mayParseMore());
        settleAfterWrite(c);
    }

    /** Returns true if it stopped for lack of bytes, false if the connection may not go on yet. */
    private boolean answerParsedRequests(NioConnection c) {
        try {
            while (c.mayParseMore()) {
                Request request = c.requests.poll();
                if (c.requests.takeContinueOwed()) {
                    c.queue(ByteBuffer.wrap(ResponseEncoder.continueInterim()));
                }
                if (request == null) {
                    return true;
                }
                enter(c, State.HANDLING); // a new request: its successor gets a fresh read deadline
                if (workers != null && mayBlock(request)) {
                    handOffToWorker(c, request);
                } else {
                    respond(c, request, BlockingExchange.answer(app, request)); // microseconds, on the loop
                }
            }
        } catch (HttpProtocolException e) {
            // RFC 9112 §9.6: after a framing error nothing that follows can be trusted; answer, then close.
            c.closeAfterWrite = true;
            c.queue(ResponseEncoder.encode(e.toResponse(), false));
        }
        return false;
    }
    // end::serve-buffered[]

    // tag::offload[]
    /** Routes whose handlers wait on something (a timer, the disk): never on the loop. */
    static boolean mayBlock(Request request) {
        String path = request.path();
        return path.startsWith("/sleep/") || path.startsWith("/files/");
    }

    private void handOffToWorker(NioConnection c, Request request) {
        c.inFlight = true;
        boolean queued = workers.trySubmit(() -> {
            Response response = BlockingExchange.answer(app, request); // on a worker: may block
            post(() -> completed(c, request, response));                 // back to the loop
        });
        if (!queued) {
            c.inFlight = false;
            stats.connectionRejected();
            respond(c, request, BlockingExchange.busyResponse());
        }
    }

    /** On the loop: a worker's answer is ready. */
    private void completed(NioConnection c, Request request, Response response) {
        if (c.closed) {
            return; // closed meanwhile (shutdown, or the client vanished)
        }
        c.inFlight = false;
        respond(c, request, response);
        try {
            serveBuffered(c);
        } catch (IOException e) {
            close(c);
        }
    }
    // end::offload[]

    /** Queues a response, marked for keep-alive exactly as stage 06 does (RFC 9112 §9.3). */
    private void respond(NioConnection c, Request request, Response response) {
        boolean persists = ConnectionPersistence.persists(request.head(), options.keepAlive() && !draining);
        Response marked = ConnectionPersistence.mark(response, request.head(), persists);
        c.queue(ResponseEncoder.encode(marked, request.method().equals("HEAD")));
        if (!persists) {
            c.closeAfterWrite = true;
        }
    }

    // tag::write[]
    /**
     * Tries to write at once: usually the whole response fits the socket's
     * buffer and no {@code OP_WRITE} is ever needed.
     */
    private void flush(NioConnection c) throws IOException {
        if (c.hasOutput() && c.flush() > 0 && c.state == State.WRITING && c.hasOutput()) {
            setDeadline(c, options.idleTimeout().toNanos()); // progress: the client is still reading
        }
    }

    /** After writing: linger if that was the last response, then settle into the new state. */
    private void settleAfterWrite(NioConnection c) throws IOException {
        if (!c.hasOutput() && c.closeAfterWrite && !c.inFlight && !c.lingering) {
            // Lingering close: send FIN, then discard what the client still sends for a moment,
            // so that closing with unread input does not reset the connection and destroy the response.
            c.channel.shutdownOutput();
            c.lingering = true;
        }
        settle(c);
    }
    // end::write[]

    private void discardInput(NioConnection c) throws IOException {
        if (c.discardInput(readBuffer) < 0) {
            close(c); // the client has read our FIN and closed: the lingering is over
        }
    }

    // tag::settle[]
    /** Gives the connection its current state's interest set, entering that state if it is new. */
    private void settle(NioConnection c) {
        if (c.closed) {
            return;
        }
        State now = c.currentState();
        if (now == State.IDLE && draining) {
            close(c); // shutting down: an idle connection has nothing left to finish
            return;
        }
        enter(c, now);
        c.key.interestOps(NioConnection.interestOps(now));
    }

    /** On entering a state, that state's deadline replaces the last one. */
    private void enter(NioConnection c, State state) {
        if (state == c.state) {
            return;
        }
        c.state = state;
        switch (state) {
            case IDLE -> setDeadline(c, options.idleTimeout().toNanos());
            case READING -> setDeadline(c, options.readTimeout().toNanos());
            case HANDLING -> deadlines.cancel(c);
            case WRITING -> setDeadline(c, options.idleTimeout().toNanos());
            case CLOSING -> setDeadline(c, LINGER_NANOS);
        }
    }
    // end::settle[]

    private void setDeadline(NioConnection c, long afterNanos) {
        if (afterNanos <= 0) {
            deadlines.cancel(c); // a timeout of 0 means none
        } else {
            deadlines.set(c, System.nanoTime() + afterNanos);
        }
    }

    // --- timeouts ---------------------------------------------------------------------

    // tag::expire[]
    private void expireDeadlines(long now) {
        NioConnection c;
        while ((c = deadlines.pollExpired(now)) != null) {
            switch (c.state) {
                case READING -> {
                    // A request begun and not finished in time: 408, then close (RFC 9110 §15.5.9).
                    stats.connectionTimedOut();
                    c.closeAfterWrite = true;
                    c.queue(ResponseEncoder.encode(BlockingExchange.timeoutResponse(), false));
                    try {
                        flush(c);
                        settleAfterWrite(c);
                    } catch (IOException e) {
                        close(c);
                    }
                }
                case IDLE, WRITING -> {
                    stats.connectionTimedOut(); // idle too long, or not reading its response
                    close(c);
                }
                case CLOSING -> close(c);
                case HANDLING -> {
                    // No deadline while a worker has the request: the handler bounds itself.
                }
            }
        }
    }
    // end::expire[]

    private static long millisUntil(long at) {
        if (at == NEVER) {
            return 0; // select(0): no timeout at all
        }
        long nanos = at - System.nanoTime();
        return Math.max(1, (nanos + 999_999) / 1_000_000);
    }

    // --- closing and shutdown ---------------------------------------------------------

    private void close(NioConnection c) {
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
        new ArrayList<>(connections).forEach(this::settle);
    }

    /** On the loop: close everything now and end the loop. */
    void stopNow() {
        stopped = true;
    }
}
