package dev.serverlab.benchmarks;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The benchmarks' own HTTP/1.1 client: a blocking socket, one fixed
 * request written as raw bytes, the response read by {@code Content-Length}.
 * It does as little as a client can, so that what a benchmark measures is
 * the server (and the loopback), not a client library.
 *
 * <p>Lifecycle: the first {@link #get()} connects. With keep-alive the
 * connection stays open for the next call, unless the server said
 * {@code Connection: close} (stages 02–05 always do): then the next call
 * reconnects. Without keep-alive every request says
 * {@code Connection: close} and every call is a new connection.
 *
 * <p>Not thread-safe: one client per benchmark thread.
 */
public final class EchoClient implements Closeable {

    /** Generous: a benchmark thread that waits this long has found a bug, not a slow server. */
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final InetSocketAddress server;
    private final boolean keepAlive;
    private final byte[] request;
    private final byte[] line = new byte[8192];
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long connections;

    public EchoClient(int port, String path, boolean keepAlive) {
        this.server = new InetSocketAddress("127.0.0.1", port);
        this.keepAlive = keepAlive;
        this.request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (keepAlive ? "" : "Connection: close\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Sends the request and reads the whole response.
     *
     * @return the response body's length
     * @throws IOException on any I/O error, and for a status other than 200:
     *                     a refusal must fail the benchmark, not count as an answer
     */
    // tag::exchange[]
    public int get() throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(request);
        out.flush();
        int status = statusCode(readLine());
        int contentLength = -1;
        boolean serverCloses = false;
        for (int n = readLine(); n > 0; n = readLine()) {
            String field = new String(line, 0, n, StandardCharsets.ISO_8859_1);
            int colon = field.indexOf(':');
            String name = field.substring(0, colon).trim();
            String value = field.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Integer.parseInt(value);
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                serverCloses = true;
            }
        }
        if (contentLength < 0) {
            throw new IOException("response without Content-Length");
        }
        in.skipNBytes(contentLength);
        if (!keepAlive || serverCloses) {
            disconnect();
        }
        if (status != 200) {
            throw new IOException("status " + status);
        }
        return contentLength;
    }
    // end::exchange[]

    /** How many TCP connections this client has opened so far. */
    public long connections() {
        return connections;
    }

    /** Opens a connection without sending anything: a silent client, as the footprint run needs. */
    public void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.connect(server, READ_TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = socket.getOutputStream();
        connections++;
    }

    @Override
    public void close() {
        disconnect();
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Nothing to do: the connection is gone either way.
            }
            socket = null;
        }
    }

    /** Reads one CRLF-terminated line into {@link #line}; returns its length without the CRLF. */
    private int readLine() throws IOException {
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed mid-response");
            }
            if (b == '\n') {
                return n > 0 && line[n - 1] == '\r' ? n - 1 : n;
            }
            if (n == line.length) {
                throw new IOException("line too long");
            }
            line[n++] = (byte) b;
        }
    }

    private int statusCode(int n) throws IOException {
        // "HTTP/1.1 200 OK": the code is the three digits after the first space.
        if (n < 12 || line[8] != ' ') {
            throw new IOException("bad status line: " + new String(line, 0, n, StandardCharsets.ISO_8859_1));
        }
        return (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    }
}
