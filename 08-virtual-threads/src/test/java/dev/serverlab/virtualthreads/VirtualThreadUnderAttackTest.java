package dev.serverlab.virtualthreads;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.SlowlorisContract;
import java.time.Duration;

/**
 * Stage 08 under attack: the contracts about hostile or overwhelming
 * clients it claims, apart from its functional suite.
 */
class VirtualThreadUnderAttackTest implements SlowlorisContract {

    @Override
    public StageServer startServerWithReadTimeout(Duration readTimeout) throws java.io.IOException {
        StageServer server = new VirtualThreadServer(ServerConfig.onPort(0), 10_000, Duration.ofSeconds(30), readTimeout, true);
        server.start();
        return server;
    }
}
