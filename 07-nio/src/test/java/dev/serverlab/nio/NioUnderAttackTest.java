package dev.serverlab.nio;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.DescriptorExhaustionContract;
import dev.serverlab.testkit.ShutdownUnderLoadContract;
import dev.serverlab.testkit.SlowlorisContract;
import java.time.Duration;
import java.util.List;

/**
 * Stage 07 under attack: the contracts about hostile or overwhelming
 * clients it claims, apart from its functional suite.
 */
class NioUnderAttackTest implements SlowlorisContract, DescriptorExhaustionContract, ShutdownUnderLoadContract {

    @Override
    public StageServer startServerWithReadTimeout(Duration readTimeout) throws java.io.IOException {
        StageServer server = new NioServer(ServerConfig.onPort(0), NioOptions.DEFAULTS.withReadTimeout(readTimeout));
        server.start();
        return server;
    }

    @Override
    public Class<?> mainClass() {
        return Main.class;
    }

    /** Silent connections must outlive the test: long timeouts. */
    @Override
    public List<String> exhaustionFlags() {
        return List.of("--idle-timeout", "60s", "--read-timeout", "60s");
    }
}
