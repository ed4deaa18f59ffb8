package dev.serverlab.threadpool;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.FloodContract;
import dev.serverlab.testkit.LimitsContract;
import java.time.Duration;

/**
 * "At most N at once" with {@code --workers 2 --queue 1}: the extra client waits in the queue for a worker;
 * beyond the queue, a flood is answered 503.
 */
class ThreadPoolLimitsTest implements LimitsContract, FloodContract {

    private static final int WORKERS = 2;

    @Override
    public StageServer newServer(ServerConfig config) {
        return new ThreadPoolServer(config, servedAtOnce(), 1, Duration.ofSeconds(10));
    }

    @Override
    public int servedAtOnce() {
        return WORKERS;
    }

    @Override
    public int waitingRoom() {
        return 1;
    }

    @Override
    public boolean shedsExcess() {
        return true;
    }
}
