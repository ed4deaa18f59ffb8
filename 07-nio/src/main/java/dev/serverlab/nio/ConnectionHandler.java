package dev.serverlab.nio;

import dev.serverlab.core.app.Handler;
import dev.serverlab.core.app.ServerStats;
import dev.serverlab.core.http.ConnectionPersistence;
import dev.serverlab.core.http.HttpProtocolException;
import dev.serverlab.core.http.ParserPool;
import dev.serverlab.core.http.Request;
import dev.serverlab.core.http.Response;
import dev.serverlab.core.http.ResponseEncoder;
import dev.serverlab.core.net.WorkerPool;
import dev.serverlab.nio.NioConnection.State;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * What the {@link Reactor}'s loop does for one connection once its socket is
 * ready or its deadline passes: feed the parser, answer complete requests in
 * order (on the loop, or through a worker for handlers that may block),
 * write without waiting, and move the connection from state to state, each
 * with its own deadline and interest set. Same rules as stage 06, in the
 * shape of callbacks instead of a loop on a thread's stack.
 *
 * <p>Runs on the loop's thread only; a worker reaches a connection solely
 * through {@link Reactor#post}.
 */
final class ConnectionHandler {

    private static final Duration LINGER = Duration.ofSeconds(1);

    private final Reactor reactor;
    private final Handler app;
    private final WorkerPool workers; // null: --workers 0, every handler runs on the loop
    private final ServerStats stats;
    private final NioOptions options;
    private final Deadlines deadlines;
    private final Deadlines.Lane readLane;   // null: no such timeout (0)
    private final Deadlines.Lane idleLane;
    private final Deadlines.Lane lingerLane;
    // One read buffer for all the loop's connections, and parsers lent only while a request is on its
    // way: an idle connection costs no buffer.
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final ParserPool parsers;

    ConnectionHandler(Reactor reactor, Handler app, WorkerPool workers, ServerStats stats, NioOptions options,
                      Deadlines deadlines, ParserPool parsers) {
        this.reactor = reactor;
        this.app = app;
        this.workers = workers;
        this.stats = stats;
        this.options = options;
        this.deadlines = deadlines;
        this.readLane = deadlines.lane(options.readTimeout());
        this.idleLane = deadlines.lane(options.idleTimeout());
        this.lingerLane = deadlines.lane(LINGER);
        this.parsers = parsers;
    }

    void onReadable(NioConnection c) throws IOException {
        if (c.lingering) {
            discardInput(c);
            return;
        }
        if (c.readInto(readBuffer, parsers) < 0) {
            if (c.requests == null) {
                reactor.close(c); // EOF between requests: a clean end
                return;
            }
            // EOF mid-request: the parser decides what it means. Requests already received are
            // still answered; a request cut off gets the parser's 400 and the connection closes.
            c.requests.endOfInput();
            serveBuffered(c);
            if (!c.closed && c.currentState() == State.IDLE) {
                reactor.close(c); // a clean end: nothing was left to answer
            }
            return;
        }
        serveBuffered(c);
    }

    void onWritable(NioConnection c) throws IOException {
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
            while (c.mayParseMore() && c.requests != null) {
                Request request = c.requests.poll();
                byte[] interim = c.requests.takeInterimResponse(); // 100 Continue, if the client waits for it
                if (interim != null) {
                    c.queue(ByteBuffer.wrap(interim));
                }
                if (request == null) {
                    return true;
                }
                c.fresh = false;
                enter(c, State.HANDLING); // a new request: its successor gets a fresh read deadline
                if (workers != null && app.mayBlock(request)) { // the handler says so; the loop does not guess
                    handOffToWorker(c, request);
                } else {
                    respond(c, request, app.answer(request)); // microseconds, on the loop
                }
            }
            return c.requests == null; // idle: waiting for bytes
        } catch (HttpProtocolException e) {
            // RFC 9112 §9.6: after a framing error nothing that follows can be trusted; answer, then close.
            c.closeAfterWrite = true;
            c.queue(ResponseEncoder.encode(e.toResponse(), false));
        }
        return false;
    }
    // end::serve-buffered[]

    // tag::offload[]
    /** A request whose handler may wait on something (a timer, the disk): never on the loop. */
    private void handOffToWorker(NioConnection c, Request request) {
        c.inFlight = true;
        boolean queued = workers.trySubmit(() -> {
            Response response = app.answer(request); // on a worker: may block
            reactor.post(() -> completed(c, request, response));         // back to the loop
        });
        if (!queued) {
            c.inFlight = false;
            stats.connectionRejected();
            respond(c, request, Response.busy());
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
            reactor.close(c);
        }
    }
    // end::offload[]

    /** Queues a response, marked for keep-alive exactly as stage 06 does (RFC 9112 §9.3). */
    private void respond(NioConnection c, Request request, Response response) {
        boolean persists = ConnectionPersistence.persists(request.head(), options.keepAlive() && !reactor.draining());
        Response marked = ConnectionPersistence.mark(response, request.head(), persists);
        c.queue(ResponseEncoder.encodeFor(request.head(), marked)); // HEAD's rule is the encoder's
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
            setDeadline(c, idleLane); // progress: the client is still reading
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
            reactor.close(c); // the client has read our FIN and closed: the lingering is over
        }
    }

    // tag::settle[]
    /** Gives the connection its current state's interest set, entering that state if it is new. */
    void settle(NioConnection c) {
        if (c.closed) {
            return;
        }
        State now = c.currentState();
        if (now == State.IDLE && reactor.draining() && !c.fresh) {
            reactor.close(c); // shutting down: an idle connection has nothing left to finish
            return;
        }
        enter(c, now);
        if (now == State.IDLE) {
            c.releaseParserIfIdle(parsers); // nothing buffered: the next request borrows one again
        }
        c.key.interestOps(NioConnection.interestOps(now)); // the JDK skips the system call if unchanged
    }

    /** On entering a state, that state's deadline replaces the last one. */
    private void enter(NioConnection c, State state) {
        if (state == c.state) {
            return;
        }
        State before = c.state;
        c.state = state;
        switch (state) {
            // The fresh-connection rule (as in 06 and 08): from accept until the first request is
            // complete the read timeout governs, as one deadline; between requests the idle timeout.
            case IDLE -> setDeadline(c, c.fresh ? readLane : idleLane);
            case READING -> {
                if (!(c.fresh && before == State.IDLE)) { // a fresh connection keeps its deadline from accept
                    setDeadline(c, readLane);
                }
            }
            case HANDLING -> deadlines.cancel(c);
            case WRITING -> setDeadline(c, idleLane);
            case CLOSING -> setDeadline(c, lingerLane);
        }
    }
    // end::settle[]

    /** Replaces the connection's deadline with one from now; a null lane (a timeout of 0) means none. */
    private void setDeadline(NioConnection c, Deadlines.Lane lane) {
        deadlines.set(c, lane, System.nanoTime());
    }

    // tag::expire[]
    /** A connection's deadline has passed: what that means depends on the state it was set for. */
    void expired(NioConnection c) {
        switch (c.state) {
            case READING -> {
                // A request begun and not finished in time: 408, then close (RFC 9110 §15.5.9).
                stats.connectionTimedOut();
                c.closeAfterWrite = true;
                c.queue(ResponseEncoder.encode(Response.requestTimeout(), false));
                try {
                    flush(c);
                    settleAfterWrite(c);
                } catch (IOException e) {
                    reactor.close(c);
                }
            }
            case IDLE, WRITING -> {
                stats.connectionTimedOut(); // idle too long, or not reading its response
                reactor.close(c);
            }
            case CLOSING -> reactor.close(c);
            case HANDLING -> {
                // No deadline while a worker has the request: the handler bounds itself.
            }
        }
    }
    // end::expire[]
}
