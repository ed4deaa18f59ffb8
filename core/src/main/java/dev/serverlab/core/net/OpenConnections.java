package dev.serverlab.core.net;

import dev.serverlab.core.app.ServerStats;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's open client connections, so that shutdown can wait for them
 * and then close whatever is left, and so {@code /stats} can count them.
 * Every socket the accept loop registers must come back through
 * {@link #close(Socket)}, on every path: that is what keeps "active" honest.
 */
public final class OpenConnections {

    private final ServerStats stats;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    public OpenConnections(ServerStats stats) {
        this.stats = stats;
    }

    /** Registers a newly accepted connection. */
    public void add(Socket socket) {
        open.add(socket);
        stats.connectionOpened();
    }

    /** Closes a connection (if still open) and forgets it. Safe to call twice. */
    public void close(Socket socket) {
        Sockets.closeQuietly(socket);
        if (open.remove(socket)) {
            stats.connectionClosed();
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** How many connections are open right now. */
    public int size() {
        return open.size();
    }

    /**
     * Waits until every connection has been closed by its own handler, or
     * until the timeout; then closes the rest. Used by shutdown to let
     * in-flight requests finish.
     *
     * @return true if every connection finished on its own
     */
    // tag::drain[]
    public boolean drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!open.isEmpty()) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                try {
                    wait(Math.min(left, 50));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        boolean clean = open.isEmpty();
        for (Socket s : open) {
            close(s);
        }
        return clean;
    }
    // end::drain[]
}
