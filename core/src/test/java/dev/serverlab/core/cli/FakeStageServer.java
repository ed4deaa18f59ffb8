package dev.serverlab.core.cli;

import dev.serverlab.core.app.ServerStats;
import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A stage server that binds a real listening socket (so port 0 and "port
 * in use" behave as they would) but never accepts: enough to drive
 * {@link StageLauncher} through its lifecycle.
 */
class FakeStageServer implements StageServer {

    final ServerConfig config;
    final List<Duration> drains = new CopyOnWriteArrayList<>();
    private final boolean stopsByItself;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final ServerStats stats = new ServerStats();
    private ServerSocket socket;

    /** @param stopsByItself like stage 01: done as soon as it has started */
    FakeStageServer(ServerConfig config, boolean stopsByItself) {
        this.config = config;
        this.stopsByItself = stopsByItself;
    }

    @Override
    public void start() throws IOException {
        socket = new ServerSocket(config.port(), 50, InetAddress.getLoopbackAddress());
        if (stopsByItself) {
            closeSocket();
            terminated.countDown();
        }
    }

    @Override
    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public ServerStats stats() {
        return stats;
    }

    @Override
    public void shutdown(Duration drainTimeout) {
        drains.add(drainTimeout);
        closeSocket();
        terminated.countDown();
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    private void closeSocket() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
