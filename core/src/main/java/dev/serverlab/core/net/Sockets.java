package dev.serverlab.core.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Small socket chores every blocking stage needs, written once. */
public final class Sockets {

    /**
     * Backlog asked of the kernel: the accept queue of connections it has
     * completed but we have not yet accepted. Linux caps it at
     * {@code net.core.somaxconn}.
     */
    public static final int BACKLOG = 1024;

    private static final int LINGER_MILLIS = 1000;
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
        try (socket) {
            socket.shutdownOutput();
            socket.setSoTimeout(LINGER_MILLIS);
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[16 * 1024];
            long deadline = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
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
