package dev.serverlab.nio;

import dev.serverlab.core.net.AcceptBackoff;
import dev.serverlab.core.net.AcceptFailureLog;
import dev.serverlab.core.net.Sockets;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;

/**
 * The thread that accepts, and deals each new connection to the next
 * {@link Reactor} in turn: Doug Lea's "multiple reactors", the shape of
 * Netty's boss and worker groups and of microhttp. Its only blocking call
 * is {@code accept()}, on a thread that serves nobody, so it may block; the
 * loops, which must never block, only ever see connections that are already
 * open.
 *
 * <p>Lifecycle: runs until the listener is closed ({@code accept()} then
 * throws and the thread ends). An accept that fails while the listener is
 * open — usually "Too many open files" — is retried after
 * {@link AcceptBackoff}'s delay: sleeping here stalls new connections only,
 * and they wait in the kernel's accept queue meanwhile.
 */
final class Acceptor implements Runnable {

    /** Accepts one connection, blocking until one comes; a seam for fault injection. */
    @FunctionalInterface
    interface AcceptCall {
        SocketChannel accept(ServerSocketChannel listener) throws IOException;
    }

    private final ServerSocketChannel listener;
    private final AcceptCall accept;
    private final List<Reactor> loops;
    private final AcceptBackoff backoff = new AcceptBackoff();

    /** @param listener a bound listener in blocking mode; closing it stops the acceptor */
    Acceptor(ServerSocketChannel listener, AcceptCall accept, List<Reactor> loops) {
        this.listener = listener;
        this.accept = accept;
        this.loops = loops;
    }

    // tag::acceptor[]
    @Override
    public void run() {
        int next = 0;
        while (listener.isOpen()) {
            SocketChannel channel;
            try {
                channel = accept.accept(listener); // blocks: this thread serves no one
            } catch (IOException e) {
                if (listener.isOpen()) {
                    pause(e); // e.g. "Too many open files"
                }
                continue;
            }
            backoff.succeeded();
            try {
                channel.configureBlocking(false); // from now on, no call on it may wait
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            } catch (IOException e) {
                Sockets.closeQuietly(channel);
                continue;
            }
            loops.get(next).adopt(channel);  // round robin: each loop gets every N-th connection
            next = (next + 1) % loops.size();
        }
    }
    // end::acceptor[]

    private void pause(IOException e) {
        Duration delay = backoff.failed();
        AcceptFailureLog.retrying(e, delay); // stderr, not a logger, which might need a descriptor
        try {
            Thread.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            Sockets.closeQuietly(listener);
        }
    }
}
