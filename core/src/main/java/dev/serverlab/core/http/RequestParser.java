package dev.serverlab.core.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An incremental HTTP/1.1 request parser that never touches a socket.
 *
 * <h2>Theory of operation</h2>
 *
 * <p>The caller {@link #feed feeds} bytes as they arrive, in pieces of any
 * size, and then calls {@link #next()} until it answers {@link ParseEvent.NeedData}.
 * Each request comes out as one {@code Head}, zero or more {@code BodyChunk}s
 * and one {@code EndOfMessage}; after that the parser starts on the next
 * request with whatever bytes are left, which is how pipelined requests work.
 * Because it owns no I/O, the same parser serves a blocking
 * {@code InputStream} (stages 01–06, 08) and a non-blocking channel (07).
 *
 * <p>The states, in the order a request walks through them:
 *
 * <pre>
 *  REQUEST_LINE ──► HEADERS ──┬──────────────────────────────► END ──► REQUEST_LINE
 *                             ├─► FIXED_BODY ────────────────► END
 *                             └─► CHUNK_SIZE ─► CHUNK_DATA ─► CHUNK_DATA_END ─┐
 *                                     ▲  │ (size 0)                           │
 *                                     │  └──► TRAILERS ─────────────► END     │
 *                                     └───────────────────────────────────────┘
 *  any state ──(protocol error)──► FAILED, for good
 * </pre>
 *
 * <p>Body framing follows RFC 9112 §6.3: {@code Transfer-Encoding: chunked}
 * decides the length if present, else {@code Content-Length}, else there is
 * no body. A request that carries both, or an unreadable or conflicting
 * {@code Content-Length}, is refused with 400: two parties that read the
 * length differently are how request smuggling works.
 *
 * <p>The end of the input is an input too (as in h11): a server that reads
 * EOF calls {@link #endOfInput()}, and the parser decides what it means.
 * Requests already buffered still come out; then, between requests, the
 * end is clean ({@link #isIdle()}); in the middle of one, the request can
 * never complete, and {@link #next()} fails with 400 (RFC 9112 §8: an
 * incomplete message is not to be treated as complete). So "closed
 * mid-request" is decided here once, for the blocking stages and 07 alike.
 *
 * <p>Errors are thrown as {@link HttpProtocolException}s carrying the status
 * to answer with. Once failed, the parser stays failed: nothing after a
 * framing error can be trusted, so the connection must close.
 *
 * <p>Cost: each byte is scanned once for its line end, however thinly the
 * input is sliced; a request fed one byte at a time is not quadratic.
 */
public final class RequestParser {

    private enum State {
        REQUEST_LINE, HEADERS, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_DATA_END, TRAILERS, END, FAILED
    }

    private final HttpLimits limits;
    // The reasons for two limits, made once: building them for every line read was a seventh of the
    // parser's allocation (JFR), for messages that a well-behaved client never sees.
    private final String requestLineTooLong;
    private final String sectionTooLong;

    // Unread input is buf[start, end). scanFrom remembers how far the search
    // for the current line's LF has already looked.
    private byte[] buf = new byte[4096];
    private int start;
    private int end;
    private int scanFrom;

    private State state = State.REQUEST_LINE;
    private HttpProtocolException failure;
    private boolean inputEnded;

    // The request being parsed.
    private String method;
    private String target;
    private HttpVersion version;
    private final List<Headers.Field> fields = new ArrayList<>();
    private int sectionBytes;   // header or trailer bytes so far
    private long remaining;     // bytes left in the fixed body or current chunk
    private long bodyBytes;     // decoded body bytes so far

    public RequestParser() {
        this(HttpLimits.DEFAULTS);
    }

    public RequestParser(HttpLimits limits) {
        this.limits = limits;
        this.requestLineTooLong = "request line longer than " + limits.maxRequestLineBytes() + " bytes";
        this.sectionTooLong = "header section longer than " + limits.maxHeaderSectionBytes() + " bytes";
    }

    /** Appends bytes to parse; consumes the buffer's remaining bytes. */
    public void feed(ByteBuffer src) {
        int n = src.remaining();
        ensureRoom(n);
        src.get(buf, end, n);
        end += n;
    }

    public void feed(byte[] src, int offset, int length) {
        ensureRoom(length);
        System.arraycopy(src, offset, buf, end, length);
        end += length;
    }

    public void feed(byte[] src) {
        feed(src, 0, src.length);
    }

    /**
     * The peer will send nothing more (a read returned EOF). Bytes already
     * fed are still parsed; see the class comment for what follows.
     */
    public void endOfInput() {
        inputEnded = true;
    }

    /** True once {@link #endOfInput()} has been called. */
    public boolean inputEnded() {
        return inputEnded;
    }

    /**
     * True between requests with nothing buffered: the connection is idle,
     * not in the middle of a request. Servers use this to tell an idle
     * timeout from a read timeout.
     */
    public boolean isIdle() {
        return state == State.REQUEST_LINE && start == end;
    }

    /** Bytes fed but not yet parsed, e.g. a pipelined request waiting its turn. */
    public int bufferedBytes() {
        return end - start;
    }

    /** The next event, or {@link ParseEvent.NeedData} if more input is needed. */
    public ParseEvent next() {
        if (state == State.FAILED) {
            throw failure;
        }
        try {
            ParseEvent event = advance();
            if (event == ParseEvent.NEED_DATA && inputEnded && !isIdle()) {
                throw bad("connection closed mid-request");
            }
            return event;
        } catch (HttpProtocolException e) {
            state = State.FAILED;
            failure = e;
            throw e;
        }
    }

    private ParseEvent advance() {
        while (true) {
            switch (state) {
                case REQUEST_LINE -> {
                    // RFC 9112 §3: a request-target longer than the server will parse gets 414.
                    String line = readLine(limits.maxRequestLineBytes(), Status.URI_TOO_LONG, requestLineTooLong);
                    if (line == null) {
                        return ParseEvent.NEED_DATA;
                    }
                    // RFC 9112 §2.2: ignore empty lines before the request line.
                    if (!line.isEmpty()) {
                        parseRequestLine(line);
                        state = State.HEADERS;
                    }
                }
                case HEADERS -> {
                    String line = readSectionLine();
                    if (line == null) {
                        return ParseEvent.NEED_DATA;
                    }
                    if (line.isEmpty()) {
                        return new ParseEvent.Head(endOfHeaders());
                    }
                    fields.add(parseField(line));
                }
                case FIXED_BODY, CHUNK_DATA -> {
                    if (start == end) {
                        return ParseEvent.NEED_DATA;
                    }
                    int n = (int) Math.min(remaining, end - start);
                    byte[] chunk = Arrays.copyOfRange(buf, start, start + n);
                    consume(n);
                    remaining -= n;
                    if (remaining == 0) {
                        state = state == State.FIXED_BODY ? State.END : State.CHUNK_DATA_END;
                    }
                    return new ParseEvent.BodyChunk(chunk);
                }
                case CHUNK_SIZE -> {
                    String line = readLine(HttpLimits.MAX_CHUNK_LINE_BYTES, Status.BAD_REQUEST,
                            "chunk-size line (with extensions) longer than " + HttpLimits.MAX_CHUNK_LINE_BYTES + " bytes");
                    if (line == null) {
                        return ParseEvent.NEED_DATA;
                    }
                    startChunk(parseChunkSize(line));
                }
                case CHUNK_DATA_END -> {
                    String line = readLine(0, Status.BAD_REQUEST, "chunk data longer than its size");
                    if (line == null) {
                        return ParseEvent.NEED_DATA;
                    }
                    if (!line.isEmpty()) {
                        throw bad("chunk data longer than its size");
                    }
                    state = State.CHUNK_SIZE;
                }
                case TRAILERS -> {
                    String line = readSectionLine();
                    if (line == null) {
                        return ParseEvent.NEED_DATA;
                    }
                    if (line.isEmpty()) {
                        state = State.END;
                    } else {
                        parseField(line); // validated, then dropped: no route uses trailers
                    }
                }
                case END -> {
                    resetMessage();
                    return ParseEvent.END_OF_MESSAGE;
                }
                case FAILED -> throw failure;
            }
        }
    }

    // --- the request line (RFC 9112 §3) ---

    private void parseRequestLine(String line) {
        int sp1 = line.indexOf(' ');
        int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
        if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0) {
            throw bad("malformed request line");
        }
        // GET and HTTP/1.1 are nearly every request: constants for them, not copies out of the line.
        String m = sp1 == 3 && line.startsWith("GET") ? "GET" : line.substring(0, sp1);
        String t = line.substring(sp1 + 1, sp2);
        if (!HttpSyntax.isToken(m)) {
            throw bad("malformed method");
        }
        if (m.length() > HttpLimits.MAX_METHOD_BYTES) {
            // RFC 9112 §3: a method longer than any the server implements SHOULD get 501.
            throw new HttpProtocolException(Status.NOT_IMPLEMENTED,
                    "method longer than " + HttpLimits.MAX_METHOD_BYTES + " bytes");
        }
        if (!HttpSyntax.isRequestTarget(t)) {
            throw bad("malformed request target");
        }
        method = m;
        target = t;
        version = line.length() == sp2 + 9 && line.startsWith("HTTP/1.1", sp2 + 1)
                ? HttpVersion.HTTP_1_1
                : parseVersion(line.substring(sp2 + 1)); // before the form check, so "PRI * HTTP/2.0" still gets its 505
        checkTargetForm(m, t);
    }

    /**
     * RFC 9112 §3.2: the target is {@code /path} (origin-form),
     * {@code http://host/path} (absolute-form), {@code host:port} for
     * {@code CONNECT} only (authority-form) or {@code *} for {@code OPTIONS}
     * only (asterisk-form). Anything else, {@code echo/x} say, is not a
     * target at all, and a request line that holds one is invalid: 400 (§3).
     */
    private static void checkTargetForm(String method, String target) {
        boolean ok;
        if (method.equals("CONNECT")) {
            ok = target.indexOf(':') > 0 && target.indexOf('/') < 0;
        } else if (target.equals("*")) {
            ok = method.equals("OPTIONS");
        } else if (target.startsWith("/")) {
            ok = true;
        } else {
            int scheme = target.indexOf("://");
            ok = scheme > 0 && HttpSyntax.isScheme(target.substring(0, scheme))
                    && target.length() > scheme + 3 && target.charAt(scheme + 3) != '/';
        }
        if (!ok) {
            throw bad("request target is in no form that " + method + " may use");
        }
    }

    private static HttpVersion parseVersion(String v) {
        if (v.length() != 8 || !v.startsWith("HTTP/") || v.charAt(6) != '.'
                || !HttpSyntax.isDigit(v.charAt(5)) || !HttpSyntax.isDigit(v.charAt(7))) {
            throw bad("malformed HTTP version");
        }
        int major = v.charAt(5) - '0';
        int minor = v.charAt(7) - '0';
        if (major != 1) {
            throw new HttpProtocolException(Status.HTTP_VERSION_NOT_SUPPORTED, "HTTP version " + v + " not supported");
        }
        // RFC 9110 §2.5: a higher minor version is answered as the highest we speak.
        return minor == 0 ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
    }

    // --- header fields (RFC 9112 §5) ---

    private String readSectionLine() {
        int budget = limits.maxHeaderSectionBytes() - sectionBytes;
        // Count what the line consumed as the drop in unread bytes, not as
        // start's movement: consume() rewinds start to 0 when the buffer
        // empties, which is every line when a client sends one line per packet.
        int unreadBefore = end - start;
        String line = readLine(Math.max(0, budget - 2), Status.REQUEST_HEADER_FIELDS_TOO_LARGE, sectionTooLong);
        if (line != null) {
            sectionBytes += unreadBefore - (end - start);
        }
        return line;
    }

    private static Headers.Field parseField(String line) {
        char first = line.charAt(0);
        if (first == ' ' || first == '\t') {
            // RFC 9112 §5.2: obsolete line folding may be rejected with 400.
            throw bad("obsolete line folding");
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw bad("header line without a name and colon");
        }
        String name = line.substring(0, colon);
        if (!HttpSyntax.isToken(name)) {
            // Includes whitespace before the colon, which RFC 9112 §5.1 says MUST get a 400.
            throw bad("malformed header name");
        }
        String value = HttpSyntax.trimOws(line, colon + 1);
        if (!HttpSyntax.isFieldValue(value)) {
            throw bad("control character in header value");
        }
        return new Headers.Field(name, value);
    }

    private RequestHead endOfHeaders() {
        Headers headers = Headers.copyOf(fields);
        RequestHead head = new RequestHead(method, target, version, headers);
        checkHost(head);
        chooseBodyFraming(head);
        return head;
    }

    private static void checkHost(RequestHead head) {
        // RFC 9112 §3.2: an HTTP/1.1 request without Host, or with several, gets 400.
        // The same section makes an invalid Host value a 400 too.
        List<String> hosts = head.headers().all("Host");
        if (hosts.size() > 1 || (hosts.isEmpty() && head.version() == HttpVersion.HTTP_1_1)) {
            throw bad(hosts.isEmpty() ? "missing Host header" : "more than one Host header");
        }
        if (!hosts.isEmpty() && !HttpSyntax.isHost(hosts.get(0))) {
            throw bad("invalid Host header");
        }
    }

    // --- body framing (RFC 9112 §6) ---

    // tag::body-framing[]
    private void chooseBodyFraming(RequestHead head) {
        List<String> te = head.headers().all("Transfer-Encoding");
        List<String> cl = head.headers().all("Content-Length");
        if (!te.isEmpty()) {
            if (!cl.isEmpty()) {
                throw bad("both Transfer-Encoding and Content-Length");
            }
            if (head.version() == HttpVersion.HTTP_1_0) {
                throw bad("Transfer-Encoding in an HTTP/1.0 request");
            }
            checkOnlyChunked(te);
            bodyBytes = 0;
            state = State.CHUNK_SIZE;
        } else if (!cl.isEmpty()) {
            long length = parseContentLength(cl);
            if (length > limits.maxBodyBytes()) {
                throw tooLarge();
            }
            remaining = length;
            state = length == 0 ? State.END : State.FIXED_BODY;
        } else {
            state = State.END;
        }
    }
    // end::body-framing[]

    /**
     * The only transfer coding serverlab decodes is chunked, once (RFC 9112
     * §6.1: chunked MUST NOT be applied more than once; §6.3: an unknown coding
     * gets 501). {@code identity} is no coding at all since RFC 7230 and is
     * treated as unknown, as Go's net/http does. Empty list elements
     * ({@code , chunked}) are ignored, as RFC 9110 §5.6.1 says a recipient
     * MUST; a field with no element at all is a 400.
     */
    private static void checkOnlyChunked(List<String> values) {
        int chunked = 0;
        for (String value : values) {
            for (String coding : value.split(",", -1)) {
                String c = HttpSyntax.trimOws(coding);
                if (c.isEmpty()) {
                    continue;
                }
                if (c.equalsIgnoreCase("chunked")) {
                    chunked++;
                } else {
                    throw new HttpProtocolException(Status.NOT_IMPLEMENTED,
                            "unsupported transfer coding '" + c + "'");
                }
            }
        }
        if (chunked == 0) {
            throw bad("Transfer-Encoding names no coding");
        }
        if (chunked > 1) {
            throw bad("chunked applied more than once");
        }
    }

    /**
     * Every line and list element must be the same run of digits (RFC 9110
     * §8.6), textually: {@code 005} next to {@code 5} is refused with 400,
     * though both mean five. Two spellings of one length say that something
     * upstream joined two messages' headers, which is how smuggling starts;
     * Go's net/http compares the strings the same way. No sign, no inner
     * space ({@code 1 0}), no empty element.
     */
    private static long parseContentLength(List<String> values) {
        String agreed = null;
        for (String value : values) {
            for (String element : value.split(",", -1)) {
                String e = HttpSyntax.trimOws(element);
                if (e.isEmpty() || !e.chars().allMatch(HttpSyntax::isDigit)) {
                    throw bad("invalid Content-Length '" + value + "'");
                }
                if (agreed != null && !agreed.equals(e)) {
                    throw bad("conflicting Content-Length values");
                }
                agreed = e;
            }
        }
        String digits = agreed.replaceFirst("^0+(?=.)", "");
        // More than 18 digits overflows a long; it is far past any limit anyway.
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /**
     * RFC 9112 §7.1: {@code chunk-size = 1*HEXDIG}, so no sign, no {@code 0x};
     * at most {@link HttpLimits#MAX_CHUNK_SIZE_HEX_DIGITS} digits, so no overflow.
     * Whitespace before the {@code ;} of an extension is tolerated (BWS, §7.1.1).
     */
    private static long parseChunkSize(String line) {
        int semi = line.indexOf(';'); // chunk extensions are allowed and ignored
        String raw = semi < 0 ? line : line.substring(0, semi);
        String hex = HttpSyntax.trimOws(raw);
        if (hex.isEmpty() || !raw.startsWith(hex) || hex.length() > HttpLimits.MAX_CHUNK_SIZE_HEX_DIGITS
                || !hex.chars().allMatch(HttpSyntax::isHexDigit)) {
            throw bad("invalid chunk size '" + line + "'");
        }
        return Long.parseLong(hex, 16);
    }

    private void startChunk(long size) {
        if (size == 0) {
            sectionBytes = 0;
            state = State.TRAILERS;
            return;
        }
        bodyBytes += size;
        if (bodyBytes > limits.maxBodyBytes()) {
            throw tooLarge();
        }
        remaining = size;
        state = State.CHUNK_DATA;
    }

    // --- lines and the buffer ---

    /**
     * The next line without its terminator, or null if no LF has arrived yet.
     * Accepts CRLF or a bare LF (RFC 9112 §2.2); a CR anywhere else is an error.
     */
    private String readLine(int maxLength, Status tooLong, String tooLongReason) {
        int lf = -1;
        for (int i = scanFrom; i < end; i++) {
            if (buf[i] == '\n') {
                lf = i;
                break;
            }
        }
        if (lf < 0) {
            scanFrom = end;
            if (end - start > maxLength + 1) { // +1: a CR may be waiting for its LF
                throw new HttpProtocolException(tooLong, tooLongReason);
            }
            return null;
        }
        int lineEnd = lf > start && buf[lf - 1] == '\r' ? lf - 1 : lf;
        if (lineEnd - start > maxLength) {
            throw new HttpProtocolException(tooLong, tooLongReason);
        }
        for (int i = start; i < lineEnd; i++) {
            if (buf[i] == '\r') {
                throw bad("bare CR in a line");
            }
        }
        String line = new String(buf, start, lineEnd - start, StandardCharsets.ISO_8859_1);
        consume(lf + 1 - start);
        return line;
    }

    private void consume(int n) {
        start += n;
        scanFrom = start;
        if (start == end) {
            start = 0;
            end = 0;
            scanFrom = 0;
        }
    }

    private void ensureRoom(int n) {
        if (buf.length - end >= n) {
            return;
        }
        int unread = end - start;
        byte[] target = unread + n <= buf.length ? buf : new byte[Math.max(buf.length * 2, unread + n)];
        System.arraycopy(buf, start, target, 0, unread);
        scanFrom -= start;
        start = 0;
        end = unread;
        buf = target;
    }

    private void resetMessage() {
        method = null;
        target = null;
        version = null;
        fields.clear();
        sectionBytes = 0;
        remaining = 0;
        bodyBytes = 0;
        state = State.REQUEST_LINE;
    }

    private static HttpProtocolException bad(String reason) {
        return new HttpProtocolException(Status.BAD_REQUEST, reason);
    }

    private HttpProtocolException tooLarge() {
        return new HttpProtocolException(Status.CONTENT_TOO_LARGE,
                "body larger than " + limits.maxBodyBytes() + " bytes");
    }
}
