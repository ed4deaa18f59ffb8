package dev.serverlab.sequential;

import dev.serverlab.core.net.BlockingServer;
import dev.serverlab.core.net.ServerConfig;
import java.net.Socket;
import java.time.Duration;

/**
 * Stage 02: an accept loop that serves each connection itself, on the
 * accepting thread, before it accepts the next.
 *
 * <p>Everything a blocking server needs — the listening socket, the
 * {@link dev.serverlab.core.net.AcceptLoop accept loop}, shutdown — comes
 * from {@link BlockingServer}. What is left is this stage's whole idea: the
 * {@code handOff} below, which does not hand off at all. While one client is
 * served, the next waits in the kernel's accept queue, so one slow client
 * stalls every other.
 */
public final class SequentialServer extends BlockingServer {

    public SequentialServer(ServerConfig config) {
        super("02-sequential", config);
    }

    // tag::hand-off[]
    @Override
    protected void handOff(Socket socket) {
        // Runs on the accepting thread: until this returns, nobody else is accepted.
        // No read timeout either: a client that never sends a byte holds the loop forever.
        serveOneRequest(socket, Duration.ZERO);
    }
    // end::hand-off[]
}
