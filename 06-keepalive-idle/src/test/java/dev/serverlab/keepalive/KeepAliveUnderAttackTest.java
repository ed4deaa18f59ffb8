package dev.serverlab.keepalive;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.FloodContract;
import dev.serverlab.testkit.ShutdownUnderLoadContract;
import dev.serverlab.testkit.SlowReaderContract;
import dev.serverlab.testkit.SlowlorisContract;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Stage 06 under attack: the contracts about hostile or overwhelming
 * clients it claims, apart from its functional suite.
 */
class KeepAliveUnderAttackTest
        implements SlowlorisContract, SlowReaderContract, FloodContract, ShutdownUnderLoadContract {

    private static final int WORKERS = 2;
    private static final int QUEUE = 1;

    /** Four workers, a queue for every slow client: the slow ones hold every worker in turn. */
    @Override
    public StageServer startServerWithReadTimeout(Duration readTimeout) throws IOException {
        StageServer server = new KeepAliveServer(ServerConfig.onPort(0), 4, 64, Duration.ofSeconds(30), readTimeout, true);
        server.start();
        return server;
    }

    @Override
    public StageServer startServerServingOneAtATime(Path directory, Duration readTimeout) throws IOException {
        StageServer server = new KeepAliveServer(ServerConfig.onPort(0).withDirectory(directory), 1, 4,
                Duration.ofSeconds(30), readTimeout, true);
        server.start();
        return server;
    }

    /** For the flood: two workers and a queue of one, held by silent clients for up to 10 s. */
    @Override
    public StageServer newServer(ServerConfig config) {
        return new KeepAliveServer(config, WORKERS, QUEUE, Duration.ofSeconds(30), Duration.ofSeconds(10), true);
    }

    @Override
    public int servedAtOnce() {
        return WORKERS;
    }

    @Override
    public int waitingRoom() {
        return QUEUE;
    }

    @Override
    public boolean shedsExcess() {
        return true;
    }

    @Override
    public Class<?> mainClass() {
        return Main.class;
    }
}
