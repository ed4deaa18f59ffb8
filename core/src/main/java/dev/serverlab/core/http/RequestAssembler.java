package dev.serverlab.core.http;

import java.io.ByteArrayOutputStream;

/**
 * Gathers a {@link RequestParser}'s events into whole {@link Request}s, for
 * servers whose handlers want the complete body at once (all of serverlab's).
 * Still sans-I/O: feed bytes, poll for a request.
 *
 * <p>The body is bounded by {@link HttpLimits#maxBodyBytes()}, enforced by
 * the parser before any byte of it is buffered here.
 */
public final class RequestAssembler {

    /** The body of every request without one; length 0, so sharing it is safe. */
    private static final byte[] NO_BODY = new byte[0];

    private final RequestParser parser;
    private RequestHead head;
    private ByteArrayOutputStream body;
    private boolean continueOwed;

    public RequestAssembler() {
        this(HttpLimits.DEFAULTS);
    }

    public RequestAssembler(HttpLimits limits) {
        this.parser = new RequestParser(limits);
    }

    public void feed(byte[] src, int offset, int length) {
        parser.feed(src, offset, length);
    }

    public void feed(java.nio.ByteBuffer src) {
        parser.feed(src);
    }

    /** The peer sent EOF; see {@link RequestParser#endOfInput()}. */
    public void endOfInput() {
        parser.endOfInput();
    }

    /**
     * True once the input has ended and every request in it has been
     * returned: the connection has nothing more to ask.
     */
    public boolean isFinished() {
        return parser.inputEnded() && isIdle();
    }

    /**
     * The next complete request, or null if more bytes are needed (or, after
     * {@link #endOfInput()}, if none is left: see {@link #isFinished()}).
     * After the input has ended mid-request this throws, with 400.
     *
     * @throws HttpProtocolException if the request is malformed or too large
     */
    public Request poll() {
        while (true) {
            ParseEvent event = parser.next();
            switch (event) {
                case ParseEvent.NeedData ignored -> {
                    return null;
                }
                case ParseEvent.Head h -> {
                    head = h.head();
                    body = null; // made by the first chunk: most requests have none
                    continueOwed = expectsContinue(head);
                }
                case ParseEvent.BodyChunk c -> {
                    continueOwed = false;
                    if (body == null) {
                        body = new ByteArrayOutputStream();
                    }
                    body.write(c.bytes(), 0, c.bytes().length);
                }
                case ParseEvent.EndOfMessage ignored -> {
                    continueOwed = false;
                    Request request = new Request(head, body == null ? NO_BODY : body.toByteArray());
                    head = null;
                    body = null;
                    return request;
                }
            }
        }
    }

    /**
     * True once, when a client has sent {@code Expect: 100-continue} and is
     * waiting for a {@code 100 Continue} before it sends the body (RFC 9110
     * §10.1.1). curl (7.69 and later) does this for bodies over 1 MiB. The caller writes
     * {@link ResponseEncoder#continueInterim()} and calls this again as false.
     */
    public boolean takeContinueOwed() {
        boolean owed = continueOwed;
        continueOwed = false;
        return owed;
    }

    /**
     * The bytes of an interim response owed now, or null: the whole
     * {@code Expect: 100-continue} rule for a server that writes them. The
     * caller only writes what it is given, before reading on.
     */
    public byte[] takeInterimResponse() {
        return takeContinueOwed() ? ResponseEncoder.continueInterim() : null;
    }

    /** True between requests with no partial request buffered (see {@link RequestParser#isIdle()}). */
    public boolean isIdle() {
        return head == null && parser.isIdle();
    }

    private static boolean expectsContinue(RequestHead head) {
        return head.version() == HttpVersion.HTTP_1_1
                && head.headers().listsToken("Expect", "100-continue");
    }
}
