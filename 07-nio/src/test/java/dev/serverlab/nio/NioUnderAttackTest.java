package dev.serverlab.nio;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.SlowlorisContract;
import java.time.Duration;

/**
 * Stage 07 under attack: the contracts about hostile or overwhelming
 * clients it claims, apart from its functional suite.
 */
class NioUnderAttackTest implements SlowlorisContract {

    @Override
    public StageServer startServerWithReadTimeout(Duration readTimeout) throws java.io.IOException {
        StageServer server = new NioServer(ServerConfig.onPort(0), NioOptions.DEFAULTS.withReadTimeout(readTimeout));
        server.start();
        return server;
    }
}
