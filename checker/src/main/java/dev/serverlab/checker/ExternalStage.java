package dev.serverlab.checker;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.KeepAliveOptions;
import dev.serverlab.testkit.StageUnderTest;

/**
 * How every check class makes its servers: the command under check,
 * started with the group's flags and those of the contract's configuration.
 */
public interface ExternalStage extends StageUnderTest {

    @Override
    default StageServer newServer(ServerConfig config) {
        return CheckContext.newServer(ServerFlags.of(config, KeepAliveOptions.DEFAULTS));
    }
}
