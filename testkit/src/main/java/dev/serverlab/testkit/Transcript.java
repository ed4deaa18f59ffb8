package dev.serverlab.testkit;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.FilterOutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Optional;

/**
 * The last exchange of a {@link RawClient}: the bytes it sent, the bytes
 * that came back, and how the reading ended (EOF, reset, timeout). When a
 * check fails, this is what a learner needs to see: not "expected 200", but
 * what went over the wire. Each client keeps its own; {@link #latest()} is
 * the one most recently written to, from any thread, which is the one a
 * failing single-connection test was using.
 *
 * <p>An exchange begins with the first send after something was received;
 * at most {@value #KEEP} bytes of each direction are kept (the beginning,
 * where the request line and status line are).
 */
public final class Transcript {

    static final int KEEP = 4096;

    private static volatile Transcript latest;

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private long sentTotal;
    private long receivedTotal;
    private int sentWrites;
    private String ending;

    /** The exchange written to last, by any client, since {@link #forget()}. */
    public static Optional<Transcript> latest() {
        return Optional.ofNullable(latest);
    }

    /** Forgets the latest exchange: a new check begins. */
    public static void forget() {
        latest = null;
    }

    synchronized void recordSent(byte[] bytes, int offset, int length) {
        if (receivedTotal > 0 || ending != null) { // the answer to the last request is in: a new exchange
            sent.reset();
            received.reset();
            sentTotal = 0;
            receivedTotal = 0;
            sentWrites = 0;
            ending = null;
        }
        sentWrites++;
        sent.write(bytes, offset, (int) Math.max(0, Math.min(length, KEEP - sent.size())));
        sentTotal += length;
        latest = this;
    }

    synchronized void recordReceived(byte[] bytes, int offset, int length) {
        received.write(bytes, offset, (int) Math.max(0, Math.min(length, KEEP - received.size())));
        receivedTotal += length;
        latest = this;
    }

    synchronized void recordEnding(String how) {
        if (ending == null) {
            ending = how;
        }
        latest = this;
    }

    public synchronized byte[] sentBytes() {
        return sent.toByteArray();
    }

    public synchronized byte[] receivedBytes() {
        return received.toByteArray();
    }

    /** How many writes the request went out in: more than one, and a server must gather the pieces. */
    public synchronized int sentWrites() {
        return sentWrites;
    }

    /** How reading ended, if it did: "EOF ...", "connection reset ...", "timeout after N ms ...". */
    public synchronized Optional<String> ending() {
        return Optional.ofNullable(ending);
    }

    /** Both directions, escaped so CR, LF and other control bytes are visible, one line per wire line. */
    public synchronized String describe(String indent) {
        StringBuilder sb = new StringBuilder();
        sb.append(indent).append("sent (").append(sentTotal).append(" bytes):\n");
        sb.append(Escaped.lines(sent.toByteArray(), sentTotal, indent + "  "));
        if (receivedTotal == 0) {
            sb.append(indent).append("received: nothing\n");
        } else {
            sb.append(indent).append("received (").append(receivedTotal).append(" bytes):\n");
            sb.append(Escaped.lines(received.toByteArray(), receivedTotal, indent + "  "));
        }
        if (ending != null) {
            sb.append(indent).append("then: ").append(ending).append('\n');
        }
        return sb.toString();
    }

    /** Wraps a socket's output so every byte written, and a write the server refused, is recorded here. */
    OutputStream recording(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                recordSent(b, off, len);
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    recordEnding("sending failed: " + e.getMessage() + " (the server had closed the connection)");
                    throw e;
                }
            }
        };
    }

    /** Wraps a socket's input so every byte read, and how reading ended, is recorded here. */
    InputStream recording(InputStream in, Socket socket) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    int n = super.read(b, off, len);
                    if (n < 0) {
                        recordEnding("EOF: the server closed the connection");
                    } else {
                        recordReceived(b, off, n);
                    }
                    return n;
                } catch (SocketTimeoutException e) {
                    recordEnding("timeout after " + socket.getSoTimeout() + " ms with nothing more from the server");
                    throw e;
                } catch (SocketException e) {
                    recordEnding("connection reset by the server (" + e.getMessage() + ")");
                    throw e;
                }
            }
        };
    }
}
