package dev.serverlab.core.net;

import dev.serverlab.core.app.Handler;
import dev.serverlab.core.app.ServerStats;
import dev.serverlab.core.http.ConnectionPersistence;
import dev.serverlab.core.http.HttpLimits;
import dev.serverlab.core.http.HttpProtocolException;
import dev.serverlab.core.http.Request;
import dev.serverlab.core.http.Response;
import dev.serverlab.core.http.ResponseEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * One request and its response over a blocking socket: the unit of work of
 * stages 01–05, which answer one request per connection and close. Stage 06
 * loops over the same pieces ({@link #answer}, {@link #write}) to keep the
 * connection open.
 *
 * <p>Whatever goes wrong stays inside this connection: a malformed request
 * gets its 4xx, a throwing handler a 500, a vanished client costs only its
 * own socket.
 */
public final class BlockingExchange {

    private BlockingExchange() {
    }

    /**
     * Reads one request, answers it with {@code Connection: close}, closes
     * the socket. Never throws: every outcome is an answer or a close.
     *
     * @param readTimeout bounds the request from accept to its last byte, and how long
     *                    the response may make no progress ({@link DeadlineOutputStream}); 0 = forever
     */
    // tag::serve-one[]
    public static void serveOneRequest(Socket socket, Handler app, ServerStats stats,
                                       HttpLimits limits, Duration readTimeout) {
        try {
            BlockingRequestReader reader = new BlockingRequestReader(socket, limits);
            Request request = reader.readFirst(readTimeout);
            if (request == null) {
                Sockets.closeQuietly(socket); // connected, then left without a word
                return;
            }
            Response response = ConnectionPersistence.closing(answer(app, request));
            write(DeadlineOutputStream.of(socket, readTimeout), request, response); // a client that never reads cannot keep us
            if (reader.hasBufferedInput()) {
                Sockets.lingerAndClose(socket); // the client sent more than we read
            } else {
                socket.close();
            }
        } catch (HttpProtocolException | IOException failure) {
            endAfterFailure(socket, failure, stats);
        }
    }
    // end::serve-one[]

    /**
     * Ends a connection after reading or writing failed, the same way in
     * every blocking stage: whatever goes wrong stays inside this connection.
     */
    // tag::end-after-failure[]
    public static void endAfterFailure(Socket socket, Exception failure, ServerStats stats) {
        switch (failure) {
            case HttpProtocolException e -> { // 400, 413, 414, 431, 501, 505: answer, then close
                writeQuietly(socket, null, e.toResponse());
                Sockets.lingerAndClose(socket);
            }
            case RequestTimeoutException e when e.midRequest() -> { // began a request, then went silent
                stats.connectionTimedOut();
                writeQuietly(socket, null, timeoutResponse());
                Sockets.lingerAndClose(socket, Sockets.LINGER_AFTER_TIMEOUT); // it may still trickle: not for long
            }
            case WriteTimeoutException e -> { // stopped reading its response: the watchdog closed it
                stats.connectionTimedOut();
                Sockets.closeQuietly(socket);
            }
            case RequestTimeoutException e -> { // idle too long: nothing to say (RFC 9112 §9.5)
                stats.connectionTimedOut();
                Sockets.closeQuietly(socket);
            }
            default -> Sockets.closeQuietly(socket); // the client vanished: only its connection is lost
        }
    }
    // end::end-after-failure[]

    /** The application's answer to a request; see {@link Handler#answer}. */
    public static Response answer(Handler app, Request request) {
        return app.answer(request);
    }

    /** Writes a response; a {@code HEAD} request gets the headers only. */
    // tag::write[]
    public static void write(OutputStream out, Request request, Response response) throws IOException {
        ByteBuffer bytes = ResponseEncoder.encodeFor(request == null ? null : request.head(), response);
        out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        out.flush();
    }
    // end::write[]

    /** 408, sent when a client began a request and then went silent. */
    public static Response timeoutResponse() {
        return Response.requestTimeout();
    }

    /**
     * Turns a connection away without reading its request, e.g. with 503
     * when the server is full. Runs on the accepting thread, so it must not
     * wait for the client: it sends the answer at once and leaves the
     * lingering close ({@link Sockets#lingerAndClose}) to a few bounded
     * platform threads ({@link LingeringCloser}). Closing at once would reset
     * the connection if the request arrives a moment later, and a reset can
     * destroy the 503 before the client reads it (ab, for one, then waits
     * forever for an answer).
     *
     * @param afterClose runs once the socket is closed, e.g. to unregister it
     */
    // tag::refuse[]
    public static void refuse(Socket socket, Response response, Runnable afterClose) {
        try {
            write(socket.getOutputStream(), null, ConnectionPersistence.closing(response));
        } catch (IOException clientGone) {
            Sockets.closeQuietly(socket);
            afterClose.run();
            return;
        }
        LingeringCloser.closeLater(socket, afterClose);
    }

    /** {@code 503 Service Unavailable} with a hint to retry in a second (RFC 9110 §10.2.3). */
    public static Response busyResponse() {
        return Response.busy();
    }
    // end::refuse[]

    /** Best-effort write on a connection that is about to close anyway. */
    public static void writeQuietly(Socket socket, Request request, Response response) {
        try {
            write(socket.getOutputStream(), request, response);
        } catch (IOException ignored) {
            // The client is gone; there is no one left to tell.
        }
    }
}
