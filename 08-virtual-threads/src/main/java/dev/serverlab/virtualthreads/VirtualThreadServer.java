package dev.serverlab.virtualthreads;

import dev.serverlab.core.http.ParserPool;
import dev.serverlab.core.net.BlockingServer;
import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.keepalive.KeepAliveConnection;
import dev.serverlab.keepalive.KeepAliveSettings;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;

/**
 * Stage 08: stage 06's connection loop, {@link KeepAliveConnection}, run
 * unchanged on one new virtual thread per connection. The code still blocks
 * in {@code read()} and {@code write()}; what changed is the cost of the
 * thread that blocks. A blocked virtual thread is parked and leaves its
 * carrier (a platform thread of the JDK's scheduler, one per core by
 * default) free to run other virtual threads, so ten thousand idle
 * keep-alive connections cost ten thousand small heap objects, not ten
 * thousand stacks of a megabyte.
 *
 * <p>Lifecycle: {@code start()} → for each accepted connection the accept
 * loop takes a permit of the {@code --max-concurrent} semaphore (waiting
 * while none is free) and starts a virtual thread {@code 08-conn-<n>} that
 * serves the connection request after request and returns the permit when
 * it closes → {@code shutdown} stops accepting, closes the connections idle
 * between requests, lets busy ones finish their response (which says
 * {@code Connection: close}). There is no pool to stop: virtual threads end
 * with their task, and the carriers belong to the JVM.
 *
 * <p>What it still cannot do: a virtual thread that cannot unmount — stuck
 * in a native frame, or busy on the CPU — holds its carrier, and with few
 * carriers everyone waits. The tests show this.
 */
public final class VirtualThreadServer extends BlockingServer {

    private final KeepAliveSettings settings;
    private final Semaphore permits;
    // tag::thread-factory[]
    // Never pooled: a virtual thread is made for one task and thrown away.
    private final ThreadFactory connectionThreads = Thread.ofVirtual().name("08-conn-", 0).factory();
    // end::thread-factory[]
    private final Set<KeepAliveConnection> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    /**
     * @param maxConcurrent connections served at once; the accept loop waits for a free slot
     * @param idleTimeout   closes a connection idle between requests; 0 = never
     * @param readTimeout   bounds one request from its first byte; 0 = never
     * @param keepAlive     false: one request per connection
     */
    public VirtualThreadServer(ServerConfig config, int maxConcurrent,
                               Duration idleTimeout, Duration readTimeout, boolean keepAlive) {
        super("08-virtual-threads", config);
        this.settings = new KeepAliveSettings(idleTimeout, readTimeout, keepAlive, new ParserPool(config.limits()));
        this.permits = new Semaphore(maxConcurrent);
        PollerWarmUp.run(); // before any connection can use up the descriptors the JDK's pollers need
    }

    // tag::hand-off[]
    @Override
    protected void handOff(Socket socket) {
        // Limit the resource, not the threads: a semaphore bounds connections served at once.
        // While none is free the accept loop waits here and new clients queue in the kernel (as stage 04).
        permits.acquireUninterruptibly();
        KeepAliveConnection connection = new KeepAliveConnection(socket, app, stats, settings);
        live.add(connection);
        if (closing) { // shutdown began while we waited for a permit: this client is never served
            finish(connection, socket);
            return;
        }
        connectionThreads.newThread(() -> {
            try {
                connection.serve(); // stage 06's loop, as is: it blocks, and only this virtual thread waits
            } finally {
                finish(connection, socket);
            }
        }).start();
    }

    // The permit must be returned on every path, or the server slowly stops accepting.
    private void finish(KeepAliveConnection connection, Socket socket) {
        live.remove(connection);
        connections.close(socket);
        permits.release();
    }
    // end::hand-off[]

    // tag::shutdown[]
    @Override
    protected void beforeDrain() {
        closing = true;
        // Idle keep-alive connections would otherwise hold shutdown for the whole drain timeout.
        live.forEach(KeepAliveConnection::stopWhenIdle);
    }
    // end::shutdown[]
}
