package dev.serverlab.core.net;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The loop at the heart of every blocking server: accept a connection, hand
 * it to the stage's concurrency model, accept the next. It runs on one
 * platform thread of its own, so {@code start()} returns at once.
 *
 * <p>What a stage does with each connection is the whole difference between
 * stages: serve it right here (02), on a new thread (03), after taking a
 * permit (04), or through a pool (05, 06). The handoff must not throw; a
 * stage that cannot serve a connection must answer or close it itself.
 *
 * <p>An accept that fails for lack of file descriptors does not kill the
 * loop: it waits per {@link AcceptBackoff} and tries again.
 */
public final class AcceptLoop {

    private final ServerSocket listener;
    private final OpenConnections connections;
    private final Consumer<Socket> handoff;
    private final AcceptBackoff backoff = new AcceptBackoff();
    private final Thread thread;

    /**
     * @param name        names the accepting thread, e.g. {@code 02-sequential-acceptor}
     * @param listener    a bound listening socket; closing it stops the loop
     * @param connections where each accepted connection is registered
     * @param handoff     the stage's model: what to do with each accepted socket
     */
    public AcceptLoop(String name, ServerSocket listener, OpenConnections connections, Consumer<Socket> handoff) {
        this.listener = listener;
        this.connections = connections;
        this.handoff = handoff;
        this.thread = Thread.ofPlatform().name(name).unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    // tag::accept-loop[]
    private void run() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (listener.isClosed()) {
                    break; // shutdown closed the listener: the normal way out
                }
                pauseAfter(e); // e.g. "Too many open files": wait, then retry
                continue;
            }
            backoff.succeeded();
            connections.add(socket);
            handoff.accept(socket);
        }
    }
    // end::accept-loop[]

    private void pauseAfter(IOException e) {
        Duration delay = backoff.failed();
        AcceptFailureLog.retrying(e, delay); // not through a logger: see AcceptFailureLog
        try {
            Thread.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            Sockets.closeQuietly(listener);
        }
    }

    /**
     * Stops accepting by closing the listener. Connections the kernel had
     * queued but we had not accepted are reset. Does not wait: a stage that
     * serves on this thread (02) may still be finishing a request.
     */
    public void stop() {
        Sockets.closeQuietly(listener);
    }

    /** Blocks until the loop has ended (returns at once if called from the loop itself). */
    public void join() throws InterruptedException {
        if (Thread.currentThread() != thread) {
            thread.join();
        }
    }

    /** The thread running the loop, e.g. for tests that count threads. */
    public Thread thread() {
        return thread;
    }
}
