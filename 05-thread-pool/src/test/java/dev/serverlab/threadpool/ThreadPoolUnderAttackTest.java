package dev.serverlab.threadpool;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.SlowlorisContract;
import java.time.Duration;

/**
 * Stage 05 under attack: the contracts about hostile or overwhelming
 * clients it claims, apart from its functional suite.
 */
class ThreadPoolUnderAttackTest implements SlowlorisContract {

    /** Four workers, a queue for every slow client: the slow ones hold every worker in turn. */
    @Override
    public StageServer startServerWithReadTimeout(Duration readTimeout) throws java.io.IOException {
        StageServer server = new ThreadPoolServer(ServerConfig.onPort(0), 4, 64, readTimeout);
        server.start();
        return server;
    }
}
