package dev.serverlab.core.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

/**
 * A socket's output stream whose writes may not stall longer than a bound.
 *
 * <p>Java's blocking sockets have a timeout for reads ({@code SO_TIMEOUT})
 * and none for writes: a {@code write()} to a client that has stopped
 * reading blocks once both sides' buffers are full, and stays blocked for as
 * long as the client keeps the connection open — holding its thread (a pool
 * worker in 05 and 06) for good. The JDK offers no option to change that on
 * a blocking socket (a non-blocking channel never blocks, which is how 07
 * escapes it). What does unblock a writer is closing the socket from another
 * thread: the write then fails with a {@code SocketException}.
 *
 * <p>So this stream writes in pieces of {@value #PIECE} bytes, and while a
 * piece is being written the {@link Watchdog} knows when it began; a
 * piece still unwritten after the bound gets its socket closed, and the
 * write throws {@link WriteTimeoutException}. The bound is on <em>progress</em>,
 * not on the whole response (as nginx's {@code send_timeout}): a client that
 * downloads a large file slowly but steadily is never cut off; one that
 * reads nothing for the bound is.
 */
public final class DeadlineOutputStream extends OutputStream implements Watchdog.Watched {

    /** Bytes per write: the unit of progress the bound applies to. */
    static final int PIECE = 64 * 1024;

    private final Socket socket;
    private final OutputStream out;
    private final long boundNanos;
    private volatile long pieceStarted; // System.nanoTime() while a piece is being written; 0 otherwise
    private volatile boolean expired;

    private DeadlineOutputStream(Socket socket, Duration bound) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.boundNanos = bound.toNanos();
    }

    /** The socket's output stream, bounded by {@code bound} per piece; unbounded (the plain stream) if zero. */
    public static OutputStream of(Socket socket, Duration bound) throws IOException {
        return bound.isZero() ? socket.getOutputStream() : new DeadlineOutputStream(socket, bound);
    }

    // tag::write[]
    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Watchdog.watch(this);
        try {
            while (length > 0) {
                int n = Math.min(length, PIECE);
                pieceStarted = System.nanoTime(); // the clock restarts with every piece: a bound on progress
                out.write(bytes, offset, n);
                offset += n;
                length -= n;
            }
        } catch (IOException e) {
            if (expired) {
                throw new WriteTimeoutException(boundNanos / 1_000_000);
            }
            throw e;
        } finally {
            pieceStarted = 0;
            Watchdog.unwatch(this);
        }
    }
    // end::write[]

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Called by the watchdog: closes the socket if the piece being written has stalled past the bound. */
    @Override
    public void expireIfOverdue(long now) {
        long started = pieceStarted;
        if (started != 0 && now - started > boundNanos) {
            expired = true;
            Sockets.closeQuietly(socket); // the blocked write() now fails: its thread is free
        }
    }
}
