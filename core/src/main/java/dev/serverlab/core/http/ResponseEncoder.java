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
 *
 * <p>Cost: the encoder runs once per response on every stage's hot path, so
 * it writes straight into one array sized for head and body together: no
 * {@code StringBuilder}, no intermediate {@code String}, no second copy of
 * the head. The constant parts (status lines, header names it owns, the
 * date of the current second) are bytes made once.
 */
public final class ResponseEncoder {

    private static final byte[] NO_BODY = new byte[0];
    private static final byte[] CRLF = ascii("\r\n");
    private static final byte[] COLON_SPACE = ascii(": ");
    private static final byte[] DATE = ascii("Date: ");
    private static final byte[] CONTENT_LENGTH = ascii("Content-Length: ");
    /** The most digits an int's decimal form has: Content-Length is an array's length. */
    private static final int MAX_LENGTH_DIGITS = 10;

    /** {@code HTTP/1.1 200 OK\r\n} and the like, one per {@link Status}, by ordinal. */
    private static final byte[][] STATUS_LINES = statusLines();

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
     * @throws IllegalArgumentException if a header field cannot be written ({@link #requireWritable})
     */
    public static ByteBuffer encode(Response response, boolean omitBody) {
        return encode(response, omitBody, HttpDate.now());
    }

    /** {@link #encode(Response, boolean)} with the {@code Date} value given, so that a test can fix the clock. */
    static ByteBuffer encode(Response response, boolean omitBody, byte[] date) {
        Status status = response.status();
        byte[] body = omitBody ? NO_BODY : response.body();
        Output out = new Output(maxHeadLength(response, date) + body.length);
        out.put(STATUS_LINES[status.ordinal()]);
        for (Headers.Field f : response.headers().fields()) {
            if (!f.name().equalsIgnoreCase("Content-Length") && !f.name().equalsIgnoreCase("Date")) {
                out.putField(f, response);
            }
        }
        // tag::protocol-headers[]
        // RFC 9110 §6.6.1: an origin server with a clock sends Date.
        out.put(DATE).put(date).put(CRLF);
        if (!status.isInformational()) {
            out.put(CONTENT_LENGTH).putDecimal(response.body().length).put(CRLF);
        }
        out.put(CRLF);
        // end::protocol-headers[]
        out.put(body);
        return out.toBuffer();
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

    /** {@code 100 Continue}: tells a client waiting on {@code Expect} to send its body. */
    public static byte[] continueInterim() {
        return ("HTTP/1.1 100 Continue\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * An upper bound on the head's length, counting every field (even the
     * ones the encoder drops) and the longest Content-Length: a few spare
     * bytes are cheaper than measuring twice.
     */
    private static int maxHeadLength(Response response, byte[] date) {
        int n = STATUS_LINES[response.status().ordinal()].length;
        for (Headers.Field f : response.headers().fields()) {
            n += f.name().length() + COLON_SPACE.length + f.value().length() + CRLF.length;
        }
        n += DATE.length + date.length + CRLF.length;
        n += CONTENT_LENGTH.length + MAX_LENGTH_DIGITS + CRLF.length;
        return n + CRLF.length;
    }

    /** The response's bytes so far, in an array sized beforehand. */
    private static final class Output {

        private final byte[] bytes;
        private int length;

        Output(int capacity) {
            bytes = new byte[capacity];
        }

        Output put(byte[] b) {
            System.arraycopy(b, 0, bytes, length, b.length);
            length += b.length;
            return this;
        }

        /**
         * {@code name: value\r\n}, refusing a field that {@link #requireWritable}
         * refuses while copying it: the check costs no second pass.
         */
        void putField(Headers.Field f, Response response) {
            String name = f.name();
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (!HttpSyntax.isTokenChar(c)) {
                    refuse(response);
                }
                bytes[length++] = (byte) c;
            }
            if (name.isEmpty()) {
                refuse(response);
            }
            put(COLON_SPACE);
            String value = f.value();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (!HttpSyntax.isFieldValueChar(c)) {
                    refuse(response);
                }
                if (c <= 0xFF) {
                    bytes[length++] = (byte) c; // ISO-8859-1: a char below 256 is its own byte
                } else {
                    // Not ISO-8859-1: '?', once per code point, as String.getBytes would write it.
                    bytes[length++] = '?';
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        i++;
                    }
                }
            }
            put(CRLF);
        }

        Output putDecimal(int n) {
            int digits = 1;
            for (int rest = n / 10; rest > 0; rest /= 10) {
                digits++;
            }
            for (int i = length + digits - 1; i >= length; i--) {
                bytes[i] = (byte) ('0' + n % 10);
                n /= 10;
            }
            length += digits;
            return this;
        }

        ByteBuffer toBuffer() {
            return ByteBuffer.wrap(bytes, 0, length);
        }

        private static void refuse(Response response) {
            requireWritable(response); // throws, naming the field
            throw new IllegalStateException("requireWritable accepted a field the encoder refused");
        }
    }

    private static byte[][] statusLines() {
        Status[] all = Status.values();
        byte[][] lines = new byte[all.length][];
        for (Status s : all) {
            lines[s.ordinal()] = ascii("HTTP/1.1 " + s.code() + " " + s.reason() + "\r\n");
        }
        return lines;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
