package dev.serverlab.checker;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.KeepAliveOptions;
import dev.serverlab.testkit.SlowReaderContract;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@link SlowReaderContract} against the server under check: its group's
 * flags let it serve one connection at a time ({@code --workers 1},
 * {@code --max-concurrent 1}); the check adds {@code --directory} and
 * {@code --read-timeout}, which bounds a stalled write too.
 */
public class SlowReaderCheck implements SlowReaderContract {

    @Override
    public StageServer startServerServingOneAtATime(Path directory, Duration readTimeout) throws IOException {
        StageServer server = CheckContext.newServer(ServerFlags.of(
                ServerConfig.onPort(0).withDirectory(directory), KeepAliveOptions.DEFAULTS.withReadTimeout(readTimeout)));
        server.start();
        return server;
    }
}
