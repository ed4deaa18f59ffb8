package dev.serverlab.core.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Turns a {@link Response} into bytes: status line with its standard reason
 * phrase, the application's headers, then the headers the protocol owns.
 *
 * <p>Every response carries {@code Content-Length}: it is how the client
 * finds the end of the body on a connection that stays open (RFC 9112 §6.3).
 * A response to {@code HEAD} carries the length the body <em>would</em>
 * have, and no body (RFC 9110 §9.3.2).
 *
 * <p>The encoder refuses to write a header field whose name is not a token
 * or whose value holds CR, LF, NUL or another control character (RFC 9110
 * §5.1, §5.5): a value with CRLF in it would end the header early and let
 * whoever chose the value write headers, or a whole second response, of
 * their own (response splitting). {@link dev.serverlab.core.app.Handler#answer}
 * checks the application's response with {@link #requireWritable} and
 * answers 500 instead, so the refusal never reaches a stage as an exception.
 */
public final class ResponseEncoder {

    private ResponseEncoder() {
    }

    /**
     * Encodes the answer to a request, applying the protocol's rules for that
     * request in one place, for every stage: a response to {@code HEAD} has
     * the headers GET would have and no body (RFC 9110 §9.3.2).
     *
     * @param request the request answered, or null for an answer to no
     *                request (a protocol error, a refusal)
     */
    public static ByteBuffer encodeFor(RequestHead request, Response response) {
        return encode(response, request != null && request.method().equals("HEAD"));
    }

    /**
     * Encodes the whole response into one buffer, ready to write.
     *
     * @param omitBody true when answering HEAD: headers as for GET, no body
     */
    public static ByteBuffer encode(Response response, boolean omitBody) {
        byte[] head = head(response);
        byte[] body = omitBody ? new byte[0] : response.body();
        ByteBuffer out = ByteBuffer.allocate(head.length + body.length);
        out.put(head).put(body).flip();
        return out;
    }

    /**
     * Checks that every header field of the response can be written as it is.
     *
     * @throws IllegalArgumentException naming the first field that cannot
     */
    public static void requireWritable(Response response) {
        for (Headers.Field f : response.headers().fields()) {
            if (!HttpSyntax.isToken(f.name())) {
                throw new IllegalArgumentException("header name is not a token: " + visible(f.name()));
            }
            if (!HttpSyntax.isFieldValue(f.value())) {
                throw new IllegalArgumentException("control character (CR, LF, NUL, ...) in the value of "
                        + f.name() + ": " + visible(f.value()));
            }
        }
    }

    private static String visible(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }

    /**
     * The status line and header section, ending with the empty line.
     *
     * @throws IllegalArgumentException if a header field cannot be written ({@link #requireWritable})
     */
    public static byte[] head(Response response) {
        requireWritable(response);
        Status status = response.status();
        StringBuilder sb = new StringBuilder(128);
        sb.append("HTTP/1.1 ").append(status.code()).append(' ').append(status.reason()).append("\r\n");
        for (Headers.Field f : response.headers().fields()) {
            if (!f.name().equalsIgnoreCase("Content-Length") && !f.name().equalsIgnoreCase("Date")) {
                sb.append(f.name()).append(": ").append(f.value()).append("\r\n");
            }
        }
        // tag::protocol-headers[]
        // RFC 9110 §6.6.1: an origin server with a clock sends Date.
        sb.append("Date: ").append(HttpDate.now()).append("\r\n");
        if (!status.isInformational()) {
            sb.append("Content-Length: ").append(response.body().length).append("\r\n");
        }
        sb.append("\r\n");
        // end::protocol-headers[]
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code 100 Continue}: tells a client waiting on {@code Expect} to send its body. */
    public static byte[] continueInterim() {
        return ("HTTP/1.1 100 Continue\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
