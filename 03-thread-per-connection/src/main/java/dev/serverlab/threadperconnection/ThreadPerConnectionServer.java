package dev.serverlab.threadperconnection;

import dev.serverlab.core.net.BlockingServer;
import dev.serverlab.core.net.ServerConfig;
import java.net.Socket;
import java.time.Duration;

/**
 * Stage 03: every accepted connection gets a new platform thread of its
 * own, and the accepting thread goes straight back to {@code accept()}.
 *
 * <p>Lifecycle of a connection: accepted on the acceptor thread →
 * {@link #handOff} starts a thread named for the client → that thread reads
 * one request, answers it, closes the socket and ends. Shutdown (from
 * {@link BlockingServer}) stops accepting and waits for those threads'
 * connections to close; the threads end with them.
 *
 * <p>A slow client now costs only its own thread. The price is that the
 * number of threads follows the number of open connections, with no upper
 * bound: each one reserves a stack and is scheduled by the kernel.
 */
public final class ThreadPerConnectionServer extends BlockingServer {

    private static final System.Logger LOG = System.getLogger(ThreadPerConnectionServer.class.getName());

    public ThreadPerConnectionServer(ServerConfig config) {
        super("03-thread-per-connection", config);
    }

    // tag::hand-off[]
    @Override
    protected void handOff(Socket socket) {
        try {
            Thread.ofPlatform()
                    // "03-thread-per-connection /127.0.0.1:53412": a thread dump names the client.
                    .name(name + " " + socket.getRemoteSocketAddress())
                    .start(() -> serveOneRequest(socket, Duration.ZERO));
        } catch (OutOfMemoryError noThread) {
            // "unable to create native thread": this connection is lost, the acceptor is not.
            LOG.log(System.Logger.Level.ERROR, "no thread for a new connection: " + noThread.getMessage());
            connections.close(socket);
        }
    }
    // end::hand-off[]
}
