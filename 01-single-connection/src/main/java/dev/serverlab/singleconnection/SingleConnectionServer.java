package dev.serverlab.singleconnection;

import dev.serverlab.core.app.Handler;
import dev.serverlab.core.app.ServerStats;
import dev.serverlab.core.net.BlockingExchange;
import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.Sockets;
import dev.serverlab.core.net.StageServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * Stage 01: the smallest server there is. Bind a port, accept one
 * connection, read one request, write one response, close, exit.
 *
 * <p>Lifecycle: {@code start()} binds (from here on the kernel completes
 * connections for us and queues them) and starts one thread that blocks in
 * {@code accept()}; the first client to arrive is served; then the listener
 * closes and the server has terminated. A second client is never served.
 */
public final class SingleConnectionServer implements StageServer {

    private final ServerConfig config;
    private final ServerStats stats = new ServerStats();
    private final Handler app;
    private ServerSocket listener;
    private Thread thread;

    public SingleConnectionServer(ServerConfig config) {
        this.config = config;
        this.app = config.newApplication(stats);
    }

    // tag::start[]
    @Override
    public void start() throws IOException {
        listener = Sockets.listen(config.port());
        thread = Thread.ofPlatform().name("01-single-connection").start(this::serveOneConnection);
    }
    // end::start[]

    // tag::serve-one-connection[]
    private void serveOneConnection() {
        try (ServerSocket l = listener;
             Socket socket = l.accept()) { // blocks until a client connects
            stats.connectionOpened();
            BlockingExchange.serveOneRequest(socket, app, stats, config.limits(), Duration.ZERO);
            stats.connectionClosed();
        } catch (IOException e) {
            // accept() failed or shutdown closed the listener first: nothing to serve.
        }
        // Leaving the try closed the listener: the next client is refused.
    }
    // end::serve-one-connection[]

    @Override
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public ServerStats stats() {
        return stats;
    }

    @Override
    public void shutdown(Duration drainTimeout) {
        if (listener == null) {
            return;
        }
        Sockets.closeQuietly(listener); // unblocks accept() if nobody came
        try {
            thread.join(drainTimeout.toMillis() + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        if (thread != null) {
            thread.join();
        }
    }
}
