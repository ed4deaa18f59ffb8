package dev.serverlab.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.RawClient;
import dev.serverlab.testkit.Requests;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --reuse-port true} on stage 07 (chapter 10): the listener is bound
 * by core's {@code Sockets.bind}, as stage 08's is, so two instances share a
 * port and Linux spreads connections across them.
 */
@Timeout(30)
class ReusePortTest {

    @Test
    void twoInstancesWithReusePortShareOnePort() throws Exception {
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            assumeTrue(probe.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT), "no SO_REUSEPORT here");
        }
        NioOptions options = NioOptions.DEFAULTS.withLoops(1);
        try (StageServer first = new NioServer(ServerConfig.onPort(0).withReusePort(true), options)) {
            first.start();
            try (StageServer second = new NioServer(ServerConfig.onPort(first.port()).withReusePort(true), options)) {
                second.start();
                for (int i = 0; i < 64; i++) {
                    try (RawClient client = RawClient.connect(first.port())) {
                        assertThat(client.send(Requests.get("/echo/" + i, "Connection: close"))
                                .readResponse().status()).isEqualTo(200);
                    }
                }
                if (System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
                    // 64 connections all hashed to one listener: odds of 2^-63. macOS gives all to one.
                    assertThat(first.stats().snapshot().accepted()).as("first instance's share").isPositive();
                    assertThat(second.stats().snapshot().accepted()).as("second instance's share").isPositive();
                }
            }
        }
    }
}
