package dev.serverlab.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Listening found without connecting, and the owner's threads counted, from /proc (Linux). */
class ListeningSocketsTest {

    @Test
    void findsAListeningSocketItsProcessAndItsThreadsWithoutConnecting() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/net")), "Linux only: /proc/net");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = listener.getLocalPort();
            assertThat(ListeningSockets.isListening(port)).isTrue();
            assertThat(ListeningSockets.listeningPid(port)).hasValue(ProcessHandle.current().pid());
            assertThat(ListeningSockets.threadsOf(ProcessHandle.current().pid()))
                    .isGreaterThanOrEqualTo(Thread.activeCount());
            listener.close();
            assertThat(ListeningSockets.isListening(port)).as("closed").isFalse();
        }
    }
}
