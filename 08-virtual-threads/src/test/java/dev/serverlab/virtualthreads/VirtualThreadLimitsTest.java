package dev.serverlab.virtualthreads;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.FloodContract;
import dev.serverlab.testkit.KeepAliveOptions;
import dev.serverlab.testkit.LimitsContract;

/**
 * "At most N at once" with {@code --max-concurrent 2}: threads are free, the
 * semaphore is the limit, and the extra client waits its turn in the kernel's
 * accept queue while the accept loop waits for a permit; so does a flood of
 * them: {@code --max-concurrent} waits, it never sheds.
 */
class VirtualThreadLimitsTest implements LimitsContract, FloodContract {

    @Override
    public int servedAtOnce() {
        return 2;
    }

    @Override
    public StageServer newServer(ServerConfig config) {
        KeepAliveOptions options = KeepAliveOptions.DEFAULTS;
        return new VirtualThreadServer(config, servedAtOnce(),
                options.idleTimeout(), options.readTimeout(), options.keepAlive());
    }

    @Override
    public boolean shedsExcess() {
        return false;
    }
}
