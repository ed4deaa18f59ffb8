package dev.serverlab.nio;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.BadInputContract;
import dev.serverlab.testkit.KeepAliveContract;
import dev.serverlab.testkit.KeepAliveOptions;
import dev.serverlab.testkit.RoutesContract;

/**
 * Stage 07 serves the same contracts as stage 06 — routes, bad input,
 * keep-alive — on one selector thread.
 */
class NioServerTest implements RoutesContract, BadInputContract, KeepAliveContract {

    @Override
    public StageServer newServer(ServerConfig config) {
        return new NioServer(config, NioOptions.DEFAULTS);
    }

    @Override
    public StageServer newServer(ServerConfig config, KeepAliveOptions options) {
        return new NioServer(config, NioOptions.DEFAULTS.withIdleTimeout(options.idleTimeout())
                .withReadTimeout(options.readTimeout()).withKeepAlive(options.keepAlive()));
    }
}
