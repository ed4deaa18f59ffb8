package dev.serverlab.testkit;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What a stage's test class tells the contract suites: how to make one of
 * its servers. Every contract interface extends this; a stage's test class
 * implements the contracts it claims and this one method.
 *
 * <pre>{@code
 * class SequentialServerTest implements RoutesContract, BadInputContract {
 *     public StageServer newServer(ServerConfig config) {
 *         return new SequentialServer(config);
 *     }
 * }
 * }</pre>
 */
public interface StageUnderTest {

    /** A new, not yet started server of this stage, configured as given. */
    StageServer newServer(ServerConfig config);

    /** A started server on a free port serving files from {@code directory}. */
    default StageServer startServer(Path directory) throws IOException {
        return startServer(ServerConfig.onPort(0).withDirectory(directory));
    }

    /** A started server with exactly this configuration. */
    default StageServer startServer(ServerConfig config) throws IOException {
        StageServer server = newServer(config);
        server.start();
        return server;
    }
}
