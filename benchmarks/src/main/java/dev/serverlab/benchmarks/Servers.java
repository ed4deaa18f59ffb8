package dev.serverlab.benchmarks;

import dev.serverlab.benchmarks.peers.JdkHttpServerPeer;
import dev.serverlab.benchmarks.peers.MicrohttpPeer;
import dev.serverlab.benchmarks.peers.NettyPeer;
import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.keepalive.KeepAliveServer;
import dev.serverlab.nio.NioOptions;
import dev.serverlab.nio.NioServer;
import dev.serverlab.semaphore.SemaphoreServer;
import dev.serverlab.semaphore.WhenFull;
import dev.serverlab.sequential.SequentialServer;
import dev.serverlab.threadpool.ThreadPoolServer;
import dev.serverlab.threadperconnection.ThreadPerConnectionServer;
import dev.serverlab.virtualthreads.VirtualThreadServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * Every server the benchmarks know, by the name used in {@code @Param}
 * and in the reports, and how each is configured for them.
 *
 * <p>Sizing is part of what is measured, so it is stated here once: the
 * pooled and bounded stages get room for the most benchmark threads the
 * chapter runs ({@code -t 64}) twice over. With stage 06's default 8
 * workers, 56 of 64 keep-alive clients would wait in the queue until an
 * idle timeout that never comes (each connection is busy, never idle):
 * that is chapter 06's lesson, not a throughput figure.
 */
public final class Servers {

    /** Workers for 05 and 06, permits for 04: twice the largest {@code -t} documented. */
    public static final int CAPACITY = 128;

    /** The names, in the order of the chapters; the peers last. */
    public static final List<String> NAMES = List.of(
            "02-sequential", "03-thread-per-connection", "04-semaphore-limit", "05-thread-pool",
            "06-keepalive-idle", "07-nio", "08-virtual-threads", "netty", "microhttp", "jdk-httpserver");

    private static final Duration IDLE = Duration.ofSeconds(30);
    private static final Duration READ = Duration.ofSeconds(10);

    private Servers() {
    }

    /**
     * Starts the named server on a free port.
     *
     * @param keepAlive whether a stage that can keep connections alive
     *                  should; stages 02–05 cannot, and the peers follow the
     *                  client's {@code Connection} header
     */
    // tag::servers[]
    public static RunningServer start(String name, boolean keepAlive) {
        ServerConfig config = ServerConfig.onPort(0).withDrainTimeout(Duration.ofSeconds(1));
        return switch (name) {
            case "02-sequential" -> stage(new SequentialServer(config));
            case "03-thread-per-connection" -> stage(new ThreadPerConnectionServer(config));
            case "04-semaphore-limit" -> stage(new SemaphoreServer(config, CAPACITY, WhenFull.WAIT));
            case "05-thread-pool" -> stage(new ThreadPoolServer(config, CAPACITY, CAPACITY, READ));
            case "06-keepalive-idle" -> stage(new KeepAliveServer(config, CAPACITY, CAPACITY, IDLE, READ, keepAlive));
            case "07-nio" -> stage(new NioServer(config, NioOptions.DEFAULTS.withKeepAlive(keepAlive)));
            case "08-virtual-threads" -> stage(new VirtualThreadServer(config, 10_000, IDLE, READ, keepAlive));
            case "netty" -> NettyPeer.start(0);
            case "microhttp" -> MicrohttpPeer.start(0);
            case "jdk-httpserver" -> JdkHttpServerPeer.start(0);
            default -> throw new IllegalArgumentException("unknown server " + name + "; known: " + NAMES);
        };
    }
    // end::servers[]

    private static RunningServer stage(StageServer server) {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RunningServer() {
            @Override
            public int port() {
                return server.port();
            }

            @Override
            public void close() {
                server.shutdown(Duration.ofSeconds(1));
            }
        };
    }
}
