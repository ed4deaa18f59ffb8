package dev.serverlab.checker;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.KeepAliveContract;
import dev.serverlab.testkit.KeepAliveOptions;

/** {@link KeepAliveContract} against the server under check: timeouts and keep-alive become flags. */
public class KeepAliveCheck implements KeepAliveContract {

    @Override
    public StageServer newServer(ServerConfig config, KeepAliveOptions options) {
        return CheckContext.newServer(ServerFlags.of(config, options));
    }
}
