package dev.serverlab.core.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.time.Duration;

/** Small socket chores every blocking stage needs, written once. */
public final class Sockets {

    /**
     * Backlog asked of the kernel: the accept queue of connections it has
     * completed but we have not yet accepted. Linux caps it at
     * {@code net.core.somaxconn}.
     */
    public static final int BACKLOG = 1024;

    private static final Duration LINGER = Duration.ofSeconds(1);
    /**
     * The shorter linger after a 408: a client that was too slow to send its
     * request would otherwise keep trickling bytes for the whole
     * {@link #LINGER} and hold the worker that long past its answer. A
     * moment is enough for the 408 to leave before the close.
     */
    public static final Duration LINGER_AFTER_TIMEOUT = Duration.ofMillis(100);
    private static final long LINGER_MAX_BYTES = 64L * 1024 * 1024;

    private Sockets() {
    }

    /** A listening socket on every interface; port 0 lets the kernel pick. */
    // tag::listen[]
    public static ServerSocket listen(int port) throws IOException {
        ServerSocket listener = new ServerSocket();
        // Lets a restarted server bind while old connections sit in TIME_WAIT.
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(port), BACKLOG);
        return listener;
    }
    // end::listen[]

    /**
     * As {@link #listen(int)}, and with {@code SO_REUSEPORT} when the config
     * asks for it: then several processes, each setting it, may bind the same
     * port, and Linux spreads new connections across their listeners by a
     * hash of the client's address and port. macOS accepts the option but
     * hands every connection to one listener. Chapter 10 runs this.
     */
    public static ServerSocket listen(ServerConfig config) throws IOException {
        return bind(new ServerSocket(), config);
    }

    /**
     * Binds a socket not yet bound as {@link #listen(ServerConfig)} does. A
     * non-blocking stage passes its {@code ServerSocketChannel.socket()}, so
     * the options are set in one place for both kinds of listener.
     */
    // tag::listen-reuse-port[]
    public static ServerSocket bind(ServerSocket listener, ServerConfig config) throws IOException {
        if (config.reusePort() && !listener.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
            listener.close();   // Windows, for one: fail like a taken port, with exit 1
            throw new BindException("SO_REUSEPORT is not supported on this platform");
        }
        // Lets a restarted server bind while old connections sit in TIME_WAIT.
        listener.setReuseAddress(true);
        if (config.reusePort()) {
            // Must be set before bind(), by every process that shares the port.
            listener.setOption(StandardSocketOptions.SO_REUSEPORT, true);
        }
        listener.bind(new InetSocketAddress(config.port()), BACKLOG);
        return listener;
    }
    // end::listen-reuse-port[]

    /** Closes, ignoring errors: used on paths where the peer may already be gone. */
    public static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Nothing to do: the connection is over either way.
        }
    }

    /**
     * Closes a connection whose client may still be sending (a refused
     * body, a pipelined request). Closing a socket with unread input makes
     * the kernel send RST, and an RST can destroy the response we just sent
     * before the client reads it. So: send FIN, read and discard what is
     * still coming for a moment, then close — a "lingering close".
     */
    public static void lingerAndClose(Socket socket) {
        lingerAndClose(socket, LINGER);
    }

    /** As {@link #lingerAndClose(Socket)}, discarding input for at most {@code linger}, however fast it comes. */
    public static void lingerAndClose(Socket socket, Duration linger) {
        try (socket) {
            socket.shutdownOutput();
            socket.setSoTimeout((int) linger.toMillis());
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[16 * 1024];
            long deadline = System.nanoTime() + linger.toNanos();
            long discarded = 0;
            int n;
            while (discarded < LINGER_MAX_BYTES && System.nanoTime() < deadline && (n = in.read(sink)) >= 0) {
                discarded += n;
            }
        } catch (IOException ignored) {
            // Timeout or reset: either way we are done with this client.
        }
    }
}
