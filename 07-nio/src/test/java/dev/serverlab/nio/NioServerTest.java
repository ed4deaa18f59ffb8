package dev.serverlab.nio;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.LaunchContract;
import dev.serverlab.testkit.BadInputContract;
import dev.serverlab.testkit.ConcurrencyContract;
import dev.serverlab.testkit.KeepAliveContract;
import dev.serverlab.testkit.KeepAliveOptions;
import dev.serverlab.testkit.PartialIoContract;
import dev.serverlab.testkit.RoutesContract;
import dev.serverlab.testkit.ScaleContract;

/**
 * Stage 07 serves the same contracts as stage 06 — routes, bad input,
 * keep-alive — on one selector thread, and what 06 could not: thousands of
 * connections on a handful of threads, and slow clients that cost only
 * their own connection.
 */
class NioServerTest implements RoutesContract, BadInputContract, ConcurrencyContract, KeepAliveContract, ScaleContract,
        PartialIoContract, LaunchContract {

    /** The loop and its workers, whatever the number of connections. */
    @Override
    public int maxPlatformThreads() {
        return 1 + NioOptions.DEFAULTS.workers();
    }

    @Override
    public StageServer newServer(ServerConfig config) {
        return new NioServer(config, NioOptions.DEFAULTS);
    }

    @Override
    public Class<?> mainClass() {
        return Main.class;
    }

    @Override
    public StageServer newServer(ServerConfig config, KeepAliveOptions options) {
        return new NioServer(config, NioOptions.DEFAULTS.withIdleTimeout(options.idleTimeout())
                .withReadTimeout(options.readTimeout()).withKeepAlive(options.keepAlive()));
    }
}
