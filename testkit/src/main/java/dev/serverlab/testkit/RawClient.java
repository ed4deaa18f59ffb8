package dev.serverlab.testkit;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A client that sends exact bytes and reads exact responses: nothing is
 * added, fixed or hidden, which is what protocol tests need and what real
 * clients (curl, HttpClient) cannot give.
 *
 * <p>It reads one response at a time, framed by {@code Content-Length} (or
 * chunked, or until close), and tells "the server closed" ({@link EOFException})
 * from "the server said nothing in time" ({@link SocketTimeoutException}).
 * {@link #localPort()} identifies the connection, so tests can see reuse.
 * Its last exchange is kept as a {@link Transcript}, for failure reports.
 */
public final class RawClient implements AutoCloseable {

    /** How long a read waits before the test calls it a hang. Generous: CI machines are slow. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Transcript transcript = new Transcript();

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = transcript.recording(socket.getInputStream(), socket);
        this.out = transcript.recording(socket.getOutputStream());
    }

    /** Connects to 127.0.0.1 on the given port. */
    public static RawClient connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true); // byte-by-byte sends must leave one byte at a time
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) DEFAULT_TIMEOUT.toMillis());
        socket.setSoTimeout((int) DEFAULT_TIMEOUT.toMillis());
        return new RawClient(socket);
    }

    /** Sends the text as ISO-8859-1 bytes, in one write. */
    public RawClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends in pieces of {@code pieceSize} bytes, each its own write. */
    public RawClient sendInPieces(byte[] bytes, int pieceSize) throws IOException {
        for (int i = 0; i < bytes.length; i += pieceSize) {
            out.write(bytes, i, Math.min(pieceSize, bytes.length - i));
            out.flush();
        }
        return this;
    }

    /** Sends one byte per write: the hardest split a parser can get. */
    public RawClient sendByteByByte(String text) throws IOException {
        return sendInPieces(text.getBytes(StandardCharsets.ISO_8859_1), 1);
    }

    /** Reads one complete response; interim 1xx responses are skipped. */
    public RawResponse readResponse() throws IOException {
        return read(false);
    }

    /** Reads one status line and its headers, 1xx included (e.g. {@code 100 Continue}); returns the status. */
    public int readStatusAndHeaders() throws IOException {
        String[] parts = readLine().split(" ", 3);
        if (parts.length < 2) {
            throw new IOException("malformed status line: " + String.join(" ", parts));
        }
        readHeaders();
        return Integer.parseInt(parts[1]);
    }

    /** Reads the response to a HEAD request: headers only, whatever Content-Length says. */
    public RawResponse readHeadResponse() throws IOException {
        return read(true);
    }

    /**
     * Reads one interim (1xx) response head, e.g. {@code 100 Continue}, and
     * returns its status; fails if the next response is a final one.
     */
    public int readInterimStatus() throws IOException {
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        readHeaders();
        if (status < 100 || status >= 200) {
            throw new IOException("expected an interim response, got: " + statusLine);
        }
        return status;
    }

    private RawResponse read(boolean headRequest) throws IOException {
        while (true) {
            String statusLine = readLine();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2) {
                throw new IOException("malformed status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, List<String>> headers = readHeaders();
            if (status >= 100 && status < 200) {
                continue;
            }
            byte[] body = headRequest || status == 204 || status == 304 ? new byte[0] : readBody(headers);
            return new RawResponse(parts[0], status, parts.length > 2 ? parts[2] : "", headers, body);
        }
    }

    private Map<String, List<String>> readHeaders() throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String line;
        while (!(line = readLine()).isEmpty()) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
        }
        return headers;
    }

    private byte[] readBody(Map<String, List<String>> headers) throws IOException {
        List<String> length = headers.get("content-length");
        if (length != null) {
            return readExactly(Integer.parseInt(length.get(0)));
        }
        List<String> te = headers.get("transfer-encoding");
        if (te != null && te.get(te.size() - 1).toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunked();
        }
        return in.readAllBytes(); // framed by close (RFC 9112 §6.3, last rule)
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(readLine().split(";", 2)[0].trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers: ignored
                }
                return body.toByteArray();
            }
            body.writeBytes(readExactly(size));
            readLine();
        }
    }

    private byte[] readExactly(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new EOFException("connection closed after " + bytes.length + " of " + n + " body bytes");
        }
        return bytes;
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException(line.size() == 0 ? "connection closed by server"
                        : "connection closed mid-line: " + line.toString(StandardCharsets.ISO_8859_1));
            }
            line.write(b);
        }
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * Waits up to {@code timeout} for the server to close the connection.
     * True if it did (EOF or reset); false if the connection is still open,
     * silent, when time runs out. Any bytes that arrive meanwhile are discarded.
     */
    public boolean awaitClosedByServer(Duration timeout) throws IOException {
        int saved = socket.getSoTimeout();
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (in.read() < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // connection reset: closed, abruptly
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(saved);
            }
        }
    }

    /** Sets how long reads wait before throwing {@link SocketTimeoutException}. */
    public RawClient readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        return this;
    }

    /** This client's last exchange: bytes sent, bytes received, how reading ended. */
    public Transcript transcript() {
        return transcript;
    }

    /** The client's own port: two requests with the same local port used one connection. */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** Half-closes: tells the server no more bytes will come, but keeps reading. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
