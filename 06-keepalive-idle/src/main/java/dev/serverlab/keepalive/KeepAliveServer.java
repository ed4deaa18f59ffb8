package dev.serverlab.keepalive;

import dev.serverlab.core.http.ParserPool;
import dev.serverlab.core.net.BlockingServer;
import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.WorkerPool;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stage 06: stage 05's pool of workers, now serving persistent connections.
 * A worker takes a connection and keeps it for as long as the client sends
 * requests, via {@link KeepAliveConnection}; the idle timeout hands the
 * worker back when the client goes quiet.
 *
 * <p>Lifecycle: {@code start()} → each accepted connection goes to a worker
 * (or, with every worker busy and the queue full, gets a 503) → the worker
 * serves it request after request until it should close → {@code shutdown}
 * stops accepting, closes the connections that sit idle between requests,
 * lets the busy ones finish their response (which then says
 * {@code Connection: close}), and stops the workers.
 *
 * <p>What it still cannot do: a worker is held for the whole life of a
 * connection, idle gaps included. With {@code --workers 2}, two quiet
 * keep-alive clients leave a third waiting until an idle timeout frees a
 * worker.
 */
public final class KeepAliveServer extends BlockingServer {

    private final KeepAliveSettings settings;
    private final WorkerPool pool;
    private final Set<KeepAliveConnection> live = ConcurrentHashMap.newKeySet();

    /**
     * @param workers     threads that serve connections
     * @param queue       accepted connections that may wait for a worker
     * @param idleTimeout closes a connection idle between requests; 0 = never
     * @param readTimeout bounds one request from its first byte; 0 = never
     * @param keepAlive   false: one request per connection, as in stage 05
     */
    public KeepAliveServer(ServerConfig config, int workers, int queue,
                           Duration idleTimeout, Duration readTimeout, boolean keepAlive) {
        super("06-keepalive-idle", config);
        this.settings = new KeepAliveSettings(idleTimeout, readTimeout, keepAlive, new ParserPool(config.limits()));
        this.pool = new WorkerPool(name + "-worker-", workers, queue);
    }

    // tag::hand-off[]
    @Override
    protected void handOff(Socket socket) {
        KeepAliveConnection connection = new KeepAliveConnection(socket, app, stats, settings);
        live.add(connection);
        boolean taken = pool.trySubmit(() -> {
            try {
                connection.serve(); // the worker is this connection's until it closes
            } finally {
                live.remove(connection);
                connections.close(socket);
            }
        });
        if (!taken) {
            live.remove(connection);
            refuseBusy(socket); // every worker busy and the queue full: 503 at once
        }
    }
    // end::hand-off[]

    // tag::shutdown[]
    @Override
    protected void beforeDrain() {
        // Idle keep-alive connections would otherwise hold shutdown for the whole drain timeout.
        live.forEach(KeepAliveConnection::stopWhenIdle);
    }
    // end::shutdown[]

    @Override
    protected void afterDrain() {
        pool.shutdown(Duration.ofSeconds(1));
    }
}
