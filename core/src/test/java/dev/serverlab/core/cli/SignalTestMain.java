package dev.serverlab.core.cli;

import dev.serverlab.core.app.ServerStats;
import dev.serverlab.core.net.StageServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code main} of a child JVM for {@link SignalShutdownTest}: a stage
 * whose server, when shut down, stops accepting at once but takes a moment
 * to finish its one "in-flight request", as a real server would.
 */
final class SignalTestMain {

    public static void main(String[] args) {
        StageLauncher.launch("99-signals", "a fake stage for signal tests", args, List.of(),
                options -> new DrainingServer(options.port()));
    }

    private static final class DrainingServer implements StageServer {
        private final int requestedPort;
        private final CountDownLatch acceptLoopEnded = new CountDownLatch(1);
        private final ServerStats stats = new ServerStats();
        private ServerSocket socket;

        DrainingServer(int port) {
            this.requestedPort = port;
        }

        @Override
        public void start() throws IOException {
            socket = new ServerSocket(requestedPort, 50, InetAddress.getLoopbackAddress());
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
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a listening socket we own: nothing useful to do
            }
            // awaitTermination returns now, before the drain is over: the
            // launcher must still wait for it before it prints "stopped".
            acceptLoopEnded.countDown();
            try {
                Thread.sleep(300);   // the in-flight request finishing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println("fake: drained within " + Durations.format(drainTimeout));
        }

        @Override
        public void awaitTermination() throws InterruptedException {
            acceptLoopEnded.await();
        }
    }

    private SignalTestMain() {
    }
}
