package dev.serverlab.core.http;

import java.nio.charset.StandardCharsets;

/**
 * A response as the application builds it. {@code Content-Length} and the
 * status line are the encoder's job, not the application's; see
 * {@link ResponseEncoder}.
 */
public record Response(Status status, Headers headers, byte[] body) {

    public Response {
        body = body == null ? new byte[0] : body;
    }

    /** A response with no body and no headers. */
    public static Response of(Status status) {
        return new Response(status, Headers.empty(), new byte[0]);
    }

    /** A {@code text/plain} response. */
    public static Response text(Status status, String body) {
        return new Response(status, Headers.of("Content-Type", "text/plain"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** 408, sent when a client began a request and then went silent; closes the connection. */
    public static Response requestTimeout() {
        return ConnectionPersistence.closing(
                text(Status.REQUEST_TIMEOUT, "408 Request Timeout: request not completed in time\n"));
    }

    /** {@code 503 Service Unavailable} with a hint to retry in a second (RFC 9110 §10.2.3). */
    public static Response busy() {
        return text(Status.SERVICE_UNAVAILABLE, "503 Service Unavailable: server is at capacity\n")
                .withHeader("Retry-After", "1");
    }

    /** A copy with one more header field. */
    public Response withHeader(String name, String value) {
        return new Response(status, headers.with(name, value), body);
    }

    /** A copy whose named header has exactly this one value. */
    public Response replacingHeader(String name, String value) {
        return new Response(status, headers.without(name).with(name, value), body);
    }
}
