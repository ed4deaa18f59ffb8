package dev.serverlab.virtualthreads;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.DescriptorExhaustionContract;
import dev.serverlab.testkit.ShutdownUnderLoadContract;
import dev.serverlab.testkit.SlowReaderContract;
import dev.serverlab.testkit.SlowlorisContract;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Stage 08 under attack: the contracts about hostile or overwhelming
 * clients it claims, apart from its functional suite. Floods are
 * {@link dev.serverlab.testkit.FloodContract}, claimed by {@link VirtualThreadLimitsTest}.
 */
class VirtualThreadUnderAttackTest
        implements SlowlorisContract, SlowReaderContract, DescriptorExhaustionContract, ShutdownUnderLoadContract {

    @Override
    public StageServer startServerWithReadTimeout(Duration readTimeout) throws IOException {
        StageServer server = new VirtualThreadServer(ServerConfig.onPort(0), 10_000, Duration.ofSeconds(30), readTimeout, true);
        server.start();
        return server;
    }

    /** {@code --max-concurrent 1}: the stalled client's permit must come back for the next to be served. */
    @Override
    public StageServer startServerServingOneAtATime(Path directory, Duration readTimeout) throws IOException {
        StageServer server = new VirtualThreadServer(ServerConfig.onPort(0).withDirectory(directory), 1,
                Duration.ofSeconds(30), readTimeout, true);
        server.start();
        return server;
    }

    @Override
    public Class<?> mainClass() {
        return Main.class;
    }

    /** Silent connections must outlive the test: long timeouts, and more permits than descriptors. */
    @Override
    public List<String> exhaustionFlags() {
        return List.of("--idle-timeout", "60s", "--read-timeout", "60s", "--max-concurrent", "10000");
    }
}
