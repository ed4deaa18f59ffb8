package dev.serverlab.core.http;

import java.io.Serial;

/**
 * A request broke the protocol or a limit. It carries the status to answer
 * with; after answering, the server closes the connection, because once
 * framing is in doubt the following bytes cannot be trusted (RFC 9112 §9.6).
 */
public final class HttpProtocolException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Status status;

    public HttpProtocolException(Status status, String reason) {
        super(reason);
        this.status = status;
    }

    /** The status code to answer with (400, 413, 414, 431, 501, 505). */
    public Status status() {
        return status;
    }

    /** The answer to send: the status, a one-line reason, and {@code Connection: close}. */
    public Response toResponse() {
        return Response.text(status, status + ": " + getMessage() + "\n")
                .withHeader("Connection", "close");
    }
}
