package dev.serverlab.semaphore;

import dev.serverlab.core.net.BlockingServer;
import dev.serverlab.core.net.ServerConfig;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Stage 04: stage 03's thread per connection, but never more than
 * {@code maxConcurrent} connections served at once. A {@link Semaphore}
 * holds that many permits; a connection takes one before it gets a thread
 * and gives it back when it is closed.
 *
 * <p>Lifecycle of a connection: accepted on the acceptor thread → the
 * acceptor takes a permit ({@link WhenFull#WAIT}: waiting for one, which
 * stops it accepting; {@link WhenFull#REJECT}: only if one is free, else
 * 503 and close) → a new thread reads one request, answers, closes → that
 * thread returns the permit in a {@code finally}, whatever happened.
 *
 * <p>The bound protects the server, not the clients: in wait mode they
 * queue where nobody can see them, in the kernel's accept queue.
 */
public final class SemaphoreServer extends BlockingServer {

    private final WhenFull whenFull;
    private final Semaphore permits;

    public SemaphoreServer(ServerConfig config, int maxConcurrent, WhenFull whenFull) {
        super("04-semaphore-limit", config);
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, was " + maxConcurrent);
        }
        this.whenFull = whenFull;
        this.permits = new Semaphore(maxConcurrent);
    }

    // tag::hand-off[]
    @Override
    protected void handOff(Socket socket) {
        if (!takePermit()) {
            refuseBusy(socket); // 503 + Retry-After, at once
            return;
        }
        Runnable serve = () -> {
            try {
                serveOneRequest(socket, Duration.ZERO);
            } finally {
                permits.release(); // on every path, or the server shrinks by one for good
            }
        };
        try {
            Thread.ofPlatform().name(name + " " + socket.getRemoteSocketAddress()).start(serve);
        } catch (OutOfMemoryError noThread) { // the thread never ran, so its finally never will
            permits.release();
            connections.close(socket);
        }
    }
    // end::hand-off[]

    // tag::take-permit[]
    private boolean takePermit() {
        if (whenFull == WhenFull.REJECT) {
            return permits.tryAcquire(); // never waits: the answer is now or 503
        }
        // The acceptor itself waits here, holding the one connection it just
        // accepted; everyone after it waits in the kernel's accept queue.
        // Uninterruptibly: shutdown closes the connections, which frees permits.
        permits.acquireUninterruptibly();
        return true;
    }
    // end::take-permit[]

    /** How many more connections could be served right now; {@code maxConcurrent} when idle. */
    public int availablePermits() {
        return permits.availablePermits();
    }
}
