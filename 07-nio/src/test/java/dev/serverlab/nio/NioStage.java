package dev.serverlab.nio;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.KeepAliveOptions;

/** How the contract tests start stage 07 with a given number of selector loops. */
abstract class NioStage {

    /** How many selector loops the contracts run on. */
    abstract int loops();

    NioOptions options() {
        return NioOptions.DEFAULTS.withLoops(loops());
    }

    /** The acceptor, the loops and the workers, whatever the number of connections. */
    public int maxPlatformThreads() {
        return 1 + loops() + NioOptions.DEFAULTS.workers();
    }

    public StageServer newServer(ServerConfig config) {
        return new NioServer(config, options());
    }

    public StageServer newServer(ServerConfig config, KeepAliveOptions options) {
        return new NioServer(config, options().withIdleTimeout(options.idleTimeout())
                .withReadTimeout(options.readTimeout()).withKeepAlive(options.keepAlive()));
    }
}
