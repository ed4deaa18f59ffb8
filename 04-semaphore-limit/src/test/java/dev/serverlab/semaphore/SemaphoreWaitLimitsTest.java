package dev.serverlab.semaphore;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.FloodContract;
import dev.serverlab.testkit.LimitsContract;

/**
 * "At most N at once" with {@code --max-concurrent 2 --when-full wait}: the extra client waits its turn,
 * and so does a flood of them, in the kernel's accept queue.
 */
class SemaphoreWaitLimitsTest implements LimitsContract, FloodContract {

    @Override
    public StageServer newServer(ServerConfig config) {
        return new SemaphoreServer(config, servedAtOnce(), WhenFull.WAIT);
    }

    @Override
    public int servedAtOnce() {
        return 2;
    }

    @Override
    public boolean shedsExcess() {
        return false;
    }
}
