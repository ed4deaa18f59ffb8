package dev.serverlab.core.net;

import dev.serverlab.core.http.HttpLimits;
import dev.serverlab.core.http.ParserPool;
import dev.serverlab.core.http.Request;
import dev.serverlab.core.http.RequestAssembler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Reads whole requests from a blocking socket by feeding the sans-I/O
 * parser whatever each {@code read()} returns. Every blocking stage uses
 * this one class; stage 07 feeds the same parser from a selector instead.
 *
 * <p>Two clocks apply (0 means no limit):
 * <ul>
 *   <li>the <b>idle timeout</b> bounds the wait for the first byte of a
 *       request — a client that says nothing;</li>
 *   <li>the <b>read timeout</b> bounds the whole request from its first
 *       byte, as a deadline: a client that trickles a byte at a time cannot
 *       stretch it, because each read only gets the time that is left.</li>
 * </ul>
 *
 * <p>The fresh-connection rule, the same in every stage that keeps
 * connections (06, 07, 08, as Go's {@code ReadHeaderTimeout} and nginx's
 * {@code client_header_timeout} do it): from accept until the first request
 * is complete the read timeout governs, as one deadline from accept
 * ({@link #readFirst}); between requests on a kept connection the idle
 * timeout governs the wait for the next first byte ({@link #read}). A client
 * that connects and says nothing has not earned an idle timeout.
 *
 * <p>How the clocks are enforced: with the socket's {@code SO_TIMEOUT}
 * before each read, except for the wait for a request's first byte on a
 * virtual thread, which is an untimed read that the {@link Watchdog}
 * closes when its deadline passes ({@link IdleWait}; chapter 08 measures
 * why).
 *
 * <p>Memory grows only while a request is in flight. Between requests the
 * reader holds no parser: it takes one from a {@link ParserPool} when a
 * request's first bytes arrive and gives it back as soon as the request is
 * complete with nothing after it (pipelined bytes keep it); what an idle
 * connection holds is a 512-byte wait buffer.
 */
public final class BlockingRequestReader {

    private final Socket socket;
    private final InputStream in;
    private final ParserPool parsers;
    private RequestAssembler assembler; // borrowed from parsers while a request is on its way; null while idle
    // An idle keep-alive connection holds its read buffer for as long as it waits, so the wait uses a
    // small one; a 16 KiB buffer exists only while a request that did not fit is being read, and is
    // dropped with it. At 16 KiB for every connection it was half of what an idle connection of stage 08
    // cost (tutorial/benchmarks/footprint-before). A request that fits in the small one costs nothing extra.
    private final byte[] waiting = new byte[512];
    private byte[] reading; // null between requests
    private Runnable requestStarted = () -> { };
    private final IdleWait idleWait; // null on a platform thread: see readFirstBytes
    private int soTimeout;

    /** A reader that borrows its parser from {@code parsers}, shared with the server's other connections. */
    public BlockingRequestReader(Socket socket, ParserPool parsers) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.parsers = parsers;
        this.idleWait = Thread.currentThread().isVirtual() ? new IdleWait(socket) : null;
        this.soTimeout = socket.getSoTimeout();
    }

    /**
     * A reader that shares no parsers: its parser is made when a request begins and dropped after
     * (stages 01–05, which read one request per connection).
     */
    public BlockingRequestReader(Socket socket, HttpLimits limits) throws IOException {
        this(socket, new ParserPool(limits, 0));
    }

    /**
     * The next request, or null if the client closed the connection cleanly
     * between requests.
     *
     * @throws dev.serverlab.core.http.HttpProtocolException the request is malformed or too large
     * @throws RequestTimeoutException                       a timeout expired (idle or mid-request)
     *                                                       (the client closing mid-request is the
     *                                                       parser's 400: RequestParser#endOfInput)
     */
    public Request read(Duration idleTimeout, Duration readTimeout) throws IOException {
        return read(idleTimeout, readTimeout, 0);
    }

    /**
     * The first request of a fresh connection: the read timeout runs from
     * now (from accept), whether or not a byte has arrived yet.
     */
    public Request readFirst(Duration readTimeout) throws IOException {
        return read(readTimeout, readTimeout, deadlineAfter(readTimeout));
    }

    /**
     * Runs {@code action} on the reading thread as soon as a request's first
     * byte has been received. A keep-alive connection uses it to count as
     * busy from that byte, so shutdown does not close it as idle.
     */
    public void onRequestStarted(Runnable action) {
        this.requestStarted = action;
    }

    // tag::read-loop[]
    private Request read(Duration idleTimeout, Duration readTimeout, long deadline) throws IOException {
        // deadline: 0 until the request's first byte arrives, unless the caller set it
        while (true) {
            if (assembler != null) { // a request has begun: parse what has arrived
                Request request = assembler.poll();
                if (request != null) {
                    reading = null;
                    releaseParserIfIdle();
                    return request;
                }
                if (assembler.isFinished()) {
                    return null; // the client closed between requests
                }
                byte[] interim = assembler.takeInterimResponse(); // 100 Continue, if the client waits for it
                if (interim != null) {
                    OutputStream out = socket.getOutputStream();
                    out.write(interim);
                    out.flush();
                }
            }
            boolean idle = assembler == null || assembler.isIdle();
            if (!idle && deadline == 0) {
                deadline = deadlineAfter(readTimeout);
            }
            byte[] buffer = idle ? waiting : reading != null ? reading : (reading = new byte[16 * 1024]);
            int n = idle ? readFirstBytes(buffer, deadline != 0 ? deadline : deadlineAfter(idleTimeout))
                         : readBefore(deadline, buffer, true);
            if (n < 0) {
                if (assembler == null) {
                    return null; // the client closed between requests
                }
                assembler.endOfInput(); // the parser decides what the end means, on the next poll
                continue;
            }
            if (assembler == null) {
                assembler = parsers.take(); // a request begins: only now does it need a parser
            }
            assembler.feed(buffer, 0, n);
            if (idle) {
                requestStarted.run();
            }
        }
    }
    // end::read-loop[]

    // The wait for a request's first byte: on a kept connection the wait between requests, so once per request.
    // On a platform thread a read with SO_TIMEOUT costs nothing more than one without (the kernel's poll()
    // has a timeout). On a virtual thread it parks with a timeout, which arms and then cancels a timer in the
    // JDK's scheduler, waking its timer thread each time (chapter 08's profile); so there the read is untimed
    // and the one watchdog thread closes the socket if the deadline passes.
    private int readFirstBytes(byte[] buffer, long deadline) throws IOException {
        if (idleWait == null || deadline == Long.MAX_VALUE) {
            return readBefore(deadline, buffer, false);
        }
        millisUntil(deadline, false); // already past: time out now, as a timed read would
        setTimeout(0);
        idleWait.begin(deadline);
        int n;
        try {
            n = in.read(buffer);
        } catch (IOException e) {
            if (idleWait.end()) {
                throw new RequestTimeoutException(false); // the watchdog closed the socket under us
            }
            throw e;
        }
        if (idleWait.end()) {
            throw new RequestTimeoutException(false); // bytes came just as it expired: the socket is closed
        }
        return n;
    }

    // A read that may wait only until the deadline (none: Long.MAX_VALUE).
    // tag::timed-read[]
    private int readBefore(long deadline, byte[] buffer, boolean midRequest) throws IOException {
        setTimeout(millisUntil(deadline, midRequest)); // SO_TIMEOUT: how long one read() may block
        try {
            return in.read(buffer);
        } catch (SocketTimeoutException e) {
            throw new RequestTimeoutException(midRequest);
        }
    }
    // end::timed-read[]

    private void setTimeout(int millis) throws IOException {
        if (millis != soTimeout) { // a kept connection waits with the same timeout request after request
            socket.setSoTimeout(millis);
            soTimeout = millis;
        }
    }

    /** Gives the parser back if it holds nothing: no partial request, no pipelined bytes. */
    private void releaseParserIfIdle() {
        if (assembler.isIdle()) {
            parsers.give(assembler);
            assembler = null;
        }
    }

    /** True while a parser is borrowed: a request, or bytes of one, on its way. For tests. */
    boolean holdsParser() {
        return assembler != null;
    }

    private static long deadlineAfter(Duration timeout) {
        return timeout.isZero() ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    }

    /**
     * True if bytes of a next request were already read into this process,
     * e.g. a pipelined request. Costs no system call, so a keep-alive loop
     * may ask after every response (stage 08's profile: the kernel-side check
     * of {@link #hasBufferedInput} was one {@code ioctl(FIONREAD)} per request).
     */
    public boolean nextRequestBegun() {
        return assembler != null && !assembler.isIdle();
    }

    /**
     * True if bytes beyond the last request were received, read or still in
     * the kernel: before closing, where unread bytes decide between a plain
     * and a lingering close. One system call.
     */
    public boolean hasBufferedInput() throws IOException {
        return nextRequestBegun() || in.available() > 0;
    }

    private static int millisUntil(long deadline, boolean midRequest) throws RequestTimeoutException {
        if (deadline == Long.MAX_VALUE) {
            return 0; // no read timeout
        }
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new RequestTimeoutException(midRequest);
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }
}
