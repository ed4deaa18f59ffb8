package dev.serverlab.keepalive;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.SlowlorisContract;
import java.time.Duration;

/**
 * Stage 06 under attack: the contracts about hostile or overwhelming
 * clients it claims, apart from its functional suite.
 */
class KeepAliveUnderAttackTest implements SlowlorisContract {

    /** Four workers, a queue for every slow client: the slow ones hold every worker in turn. */
    @Override
    public StageServer startServerWithReadTimeout(Duration readTimeout) throws java.io.IOException {
        StageServer server = new KeepAliveServer(ServerConfig.onPort(0), 4, 64, Duration.ofSeconds(30), readTimeout, true);
        server.start();
        return server;
    }
}
