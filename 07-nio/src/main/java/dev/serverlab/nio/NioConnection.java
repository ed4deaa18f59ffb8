package dev.serverlab.nio;

import dev.serverlab.core.http.ParserPool;
import dev.serverlab.core.http.RequestAssembler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * One client connection as the reactor sees it: no thread, just state. What
 * a blocking stage keeps on a thread's stack — where we are in the request,
 * what is left to write — lives here, in fields.
 *
 * <p>Lifecycle (one state at a time, derived by {@link #currentState()}):
 * <pre>
 *  IDLE ──first byte──► READING ──whole request──► HANDLING ──response──► WRITING ──drained──► IDLE
 *                                                                           │
 *                                          last response (Connection: close) └──drained──► CLOSING ──► closed
 * </pre>
 * Each state has its own deadline (see {@link Reactor}): idle timeout in
 * IDLE (the read timeout, from accept, while the connection is still
 * {@link #fresh}), read timeout in READING, none in HANDLING, the idle timeout again
 * for a client that stops reading in WRITING, a short linger in CLOSING.
 *
 * <p>An IDLE connection holds no buffer: its parser goes back to the loop's
 * {@link ParserPool} and the output queue is empty. Memory grows only while
 * a request is in flight.
 *
 * <p>Only its reactor's thread touches a connection; workers never do.
 */
final class NioConnection extends Deadlines.Entry {

    enum State { IDLE, READING, HANDLING, WRITING, CLOSING }

    /**
     * Backpressure: once this much output waits for a client, the connection
     * stops parsing (and so reading) its requests until the output drains.
     * A client that pipelines requests and never reads costs at most one
     * response plus this bound, never an unbounded queue.
     */
    static final int OUTPUT_BOUND = 64 * 1024;

    final SocketChannel channel;
    final SelectionKey key;
    /** The parser, borrowed from the loop's pool while a request is on its way; null while idle. */
    RequestAssembler requests;

    private ArrayDeque<ByteBuffer> output; // made on the first response that does not go out at once
    private ByteBuffer pending;           // the first waiting buffer: most responses never need the deque
    private long pendingBytes;

    /** The state the reactor last settled on; null until the first settle. */
    State state;
    /** A worker has this connection's request; nothing more is parsed until it answers. */
    boolean inFlight;
    /** The last queued response said {@code Connection: close}: linger and close once it is written. */
    boolean closeAfterWrite;
    /** Output has been shut down; only the lingering close is left. */
    boolean lingering;
    boolean closed;
    /**
     * No request has been completed yet. A fresh connection owes us a
     * request: the read timeout runs from accept (not the idle timeout), and
     * shutdown lets it finish as busy rather than closing it as idle.
     */
    boolean fresh = true;

    NioConnection(SocketChannel channel, SelectionKey key) {
        this.channel = channel;
        this.key = key;
    }

    // tag::read[]
    /**
     * Reads what the kernel has for this connection, without waiting, into the
     * loop's shared buffer, and feeds it to the parser, which keeps any bytes
     * it cannot use yet. Returns the count read, 0 if nothing was there, -1 at EOF.
     */
    int readInto(ByteBuffer shared, ParserPool parsers) throws IOException {
        shared.clear();
        int n = channel.read(shared);
        if (n > 0) {
            if (requests == null) {
                requests = parsers.take(); // a request begins: only now does it need a parser
            }
            shared.flip();
            requests.feed(shared);
        }
        return n;
    }

    /** Gives the parser back to the pool if it holds nothing: no partial request, no pipelined bytes. */
    void releaseParserIfIdle(ParserPool parsers) {
        if (requests != null && requests.isIdle()) {
            parsers.give(requests);
            requests = null;
        }
    }
    // end::read[]

    /** While lingering: reads and drops whatever the client still sends. -1 at EOF. */
    int discardInput(ByteBuffer shared) throws IOException {
        shared.clear();
        return channel.read(shared);
    }

    /** Adds bytes to send after whatever is already waiting. */
    void queue(ByteBuffer bytes) {
        if (pending == null) {
            pending = bytes;
        } else {
            if (output == null) {
                output = new ArrayDeque<>(4);
            }
            output.add(bytes); // behind pending, in order: pipelined responses, or 100 Continue then a response
        }
        pendingBytes += bytes.remaining();
    }

    // tag::flush[]
    /**
     * Writes as much pending output as the socket takes right now. A write
     * on a non-blocking channel may take all, part or none of a buffer; what
     * is left stays queued, in order, for the next {@code OP_WRITE}.
     *
     * @return how many bytes went out
     */
    long flush() throws IOException {
        long written = 0;
        while (pending != null) {
            int n = channel.write(pending);
            written += n;
            pendingBytes -= n;
            if (pending.hasRemaining()) {
                break; // the socket's send buffer is full: the client is not reading fast enough
            }
            pending = output == null ? null : output.poll();
        }
        return written;
    }
    // end::flush[]

    boolean hasOutput() {
        return pending != null;
    }

    /** Whether the next request may be parsed and answered now (pipelining, in order, bounded). */
    boolean mayParseMore() {
        return !inFlight && !closeAfterWrite && !lingering && pendingBytes < OUTPUT_BOUND;
    }

    // tag::state[]
    /** Where this connection is now, from what it holds. */
    State currentState() {
        if (lingering) {
            return State.CLOSING;
        }
        if (hasOutput()) {
            return State.WRITING;
        }
        if (inFlight) {
            return State.HANDLING;
        }
        return requests == null || requests.isIdle() ? State.IDLE : State.READING;
    }

    /**
     * What the selector should watch for in a state: read only when we will
     * use what arrives, write only while output waits (an idle socket is
     * always writable, so watching {@code OP_WRITE} without output would spin).
     */
    static int interestOps(State state) {
        return switch (state) {
            case IDLE, READING, CLOSING -> SelectionKey.OP_READ;
            case WRITING -> SelectionKey.OP_WRITE;
            case HANDLING -> 0;
        };
    }
    // end::state[]
}
