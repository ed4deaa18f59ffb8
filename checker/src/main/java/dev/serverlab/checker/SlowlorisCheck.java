package dev.serverlab.checker;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.KeepAliveOptions;
import dev.serverlab.testkit.SlowlorisContract;
import java.io.IOException;
import java.time.Duration;

/** {@link SlowlorisContract} against the server under check, started with {@code --read-timeout}. */
public class SlowlorisCheck implements SlowlorisContract {

    @Override
    public StageServer startServerWithReadTimeout(Duration readTimeout) throws IOException {
        StageServer server = CheckContext.newServer(
                ServerFlags.of(ServerConfig.onPort(0), KeepAliveOptions.DEFAULTS.withReadTimeout(readTimeout)));
        server.start();
        return server;
    }
}
