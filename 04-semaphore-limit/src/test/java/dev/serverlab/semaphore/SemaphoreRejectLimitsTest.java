package dev.serverlab.semaphore;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.FloodContract;
import dev.serverlab.testkit.LimitsContract;

/** "At most N at once" with {@code --max-concurrent 2 --when-full reject}: the extra client gets 503, and so does a flood. */
class SemaphoreRejectLimitsTest implements LimitsContract, FloodContract {

    @Override
    public StageServer newServer(ServerConfig config) {
        return new SemaphoreServer(config, servedAtOnce(), WhenFull.REJECT);
    }

    @Override
    public int servedAtOnce() {
        return 2;
    }

    @Override
    public boolean shedsExcess() {
        return true;
    }
}
