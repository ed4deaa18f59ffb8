package dev.serverlab.keepalive;

import dev.serverlab.core.app.Handler;
import dev.serverlab.core.app.ServerStats;
import dev.serverlab.core.http.ConnectionPersistence;
import dev.serverlab.core.http.HttpProtocolException;
import dev.serverlab.core.http.Request;
import dev.serverlab.core.http.Response;
import dev.serverlab.core.net.BlockingExchange;
import dev.serverlab.core.net.BlockingRequestReader;
import dev.serverlab.core.net.DeadlineOutputStream;
import dev.serverlab.core.net.Sockets;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

/**
 * Serves one client connection, request after request, until it should
 * close: a persistent HTTP/1.1 connection (RFC 9112 §9.3) in one blocking
 * loop on one thread.
 *
 * <p>Lifecycle of the connection:
 * <pre>
 *   accepted ──read request (read timeout)──▶ answer ──persists?──no──▶ closed
 *                     ▲                                   │yes
 *                     └──── idle: wait for the next ◀─────┘
 *                           request (idle timeout) ──timeout, EOF, shutdown──▶ closed
 * </pre>
 * Timeouts: from accept until the first request is complete the read timeout
 * governs (a connection that never sends a byte is closed by it); between
 * requests the idle timeout governs the wait for the next first byte, and
 * from that byte the read timeout again. Shutdown closes a connection only
 * while it is idle between requests: from a request's first byte it counts
 * as busy and gets its answer, with {@code Connection: close}.
 * A response whose write makes no progress for a read timeout (the client
 * stopped reading) ends the connection too: see {@link DeadlineOutputStream}.
 * Every error response (400, 408, 413, 414, 431, …) ends the connection: once
 * framing is in doubt, the bytes that follow cannot be trusted (RFC 9112 §9.6).
 *
 * <p>Bodies never leak into the next request: the reader returns a request
 * only once its whole body has arrived (by {@code Content-Length} or chunked
 * framing, RFC 9112 §6.3), so the handler may ignore it and the next read
 * still starts on the next request's first byte. Pipelined requests (several
 * in one write) are simply the next reads, answered in order.
 *
 * <p><b>Reuse point.</b> This class knows nothing of pools or threads: any
 * thread may call {@code new KeepAliveConnection(socket, app, stats, settings).serve()}.
 * Stage 06 runs it on a pool worker; stage 08 runs this same class on a
 * virtual thread.
 */
public final class KeepAliveConnection {

    private final Socket socket;
    private final Handler app;
    private final ServerStats stats;
    private final KeepAliveSettings settings;

    // Shutdown may close the connection only while it waits between requests.
    private final Object lock = new Object();
    private boolean idle;          // guarded by lock
    private volatile boolean stopping;

    public KeepAliveConnection(Socket socket, Handler app, ServerStats stats, KeepAliveSettings settings) {
        this.socket = socket;
        this.app = app;
        this.stats = stats;
        this.settings = settings;
    }

    /**
     * Serves requests until the connection should close, then closes the
     * socket. Never throws: every outcome is an answer or a close.
     */
    // tag::serve[]
    public void serve() {
        try {
            BlockingRequestReader reader = new BlockingRequestReader(socket, settings.parsers());
            // A client that stops reading may stall a write for at most the read timeout (DeadlineOutputStream).
            OutputStream out = DeadlineOutputStream.of(socket, settings.readTimeout());
            reader.onRequestStarted(this::leaveIdle); // busy from a request's first byte, not its last
            // A new connection owes us a request: the read timeout runs from accept; later waits are idle timeouts.
            Request request = reader.readFirst(settings.readTimeout());
            while (request != null) { // null: the client closed between requests, the normal end
                Response answer = BlockingExchange.answer(app, request);
                // Decided after the handler ran, so a shutdown that began meanwhile is announced.
                boolean persists = ConnectionPersistence.persists(request.head(), settings.keepAlive()) && !stopping;
                BlockingExchange.write(out, request, ConnectionPersistence.mark(answer, request.head(), persists));
                if (!persists) {
                    closeAfterLastResponse(reader);
                    return;
                }
                if (!enterIdle(reader.nextRequestBegun())) {
                    break; // shutdown began while we were answering
                }
                request = reader.read(settings.idleTimeout(), settings.readTimeout());
            }
            Sockets.closeQuietly(socket);
        } catch (HttpProtocolException | IOException failure) {
            // Protocol error: answer, close. Read timeout mid-request: 408, close. Idle timeout,
            // a vanished client, or shutdown closing us while idle: just close.
            BlockingExchange.endAfterFailure(socket, failure, stats);
        }
    }
    // end::serve[]

    /**
     * Asks the connection to end: at once if it is waiting between requests
     * (closing the socket wakes its blocked read), otherwise after the
     * response in progress, which then says {@code Connection: close}
     * (RFC 9112 §9.6). Safe to call from any thread, any number of times.
     */
    // tag::stop[]
    public void stopWhenIdle() {
        synchronized (lock) {
            stopping = true;
            if (idle) {
                Sockets.closeQuietly(socket);
            }
        }
    }
    // end::stop[]

    /**
     * Marks the connection idle (between requests) unless the next request
     * has already begun (pipelined bytes read); false if it has been asked
     * to stop. Bytes still in the kernel do not count: asking the kernel is
     * a system call per request, and a request that lands there just as
     * shutdown closes the connection is the same race as one that lands a
     * moment later (see {@link #leaveIdle}).
     */
    private boolean enterIdle(boolean nextRequestBegun) {
        synchronized (lock) {
            idle = !stopping && !nextRequestBegun;
            return !stopping;
        }
    }

    // Called by the reader on a request's first byte. What is left is a window
    // of microseconds between the read returning those bytes and this call; a
    // request that lands in it is lost as with any idle close, and clients
    // retry such requests (RFC 9112 §9.3.1).
    private void leaveIdle() {
        synchronized (lock) {
            idle = false;
        }
    }

    private void closeAfterLastResponse(BlockingRequestReader reader) throws IOException {
        if (reader.hasBufferedInput()) {
            Sockets.lingerAndClose(socket); // pipelined requests we will not answer: do not reset the response
        } else {
            socket.close();
        }
    }
}
