package dev.serverlab.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every server the throughput benchmark names starts in-process and
 * answers {@code /echo/hello} to the benchmark's own client, and keeps
 * the connection alive exactly when it should: otherwise a benchmark
 * labelled "keep-alive" could be measuring reconnections.
 */
class ServersSmokeTest {

    static final java.util.List<String> NAMES = Servers.NAMES;

    /** Stages 02–05 answer one request per connection, whatever the client asks. */
    private static final Set<String> ONE_REQUEST_PER_CONNECTION =
            Set.of("02-sequential", "03-thread-per-connection", "04-semaphore-limit", "05-thread-pool");

    @ParameterizedTest
    @FieldSource("NAMES")
    void answersEchoAndReusesTheConnectionOnlyWithKeepAlive(String name) throws IOException {
        try (RunningServer server = Servers.start(name, true);
             EchoClient client = new EchoClient(server.port(), "/echo/hello", true)) {
            assertThat(client.get()).isEqualTo("hello".length());
            assertThat(client.get()).isEqualTo("hello".length());
            assertThat(client.connections()).isEqualTo(ONE_REQUEST_PER_CONNECTION.contains(name) ? 2 : 1);
        }
    }

    /** The throughput benchmark's way: the server in a JVM of its own, found by its start-up line. */
    @Test
    void serverMainRunsAServerInAJvmOfItsOwn() throws IOException {
        try (ChildServer child = ChildServer.start(java.util.List.of(), ServerMain.class.getName(),
                java.util.List.of("07-nio", "true"), false);
             EchoClient client = new EchoClient(child.port(), "/echo/hello", true)) {
            assertThat(child.pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(client.get()).isEqualTo("hello".length());
            assertThat(client.get()).isEqualTo("hello".length());
            assertThat(client.connections()).isEqualTo(1);
        }
    }

    /**
     * {@code ./bench jmh}'s way of keeping client and server apart: with the property set, the child
     * server may run only on the CPUs it names. Linux with taskset only (elsewhere the property is unset).
     */
    @Test
    void serverCpusPropertyPinsTheChildServer() throws IOException {
        Path self = Path.of("/proc/self/status");
        assumeTrue(Files.exists(self) && Files.isExecutable(Path.of("/usr/bin/taskset")), "Linux with taskset");
        String firstCpu = cpusAllowed(self).split("[-,]")[0];
        System.setProperty(ChildServer.SERVER_CPUS, firstCpu);
        try (ChildServer child = ChildServer.start(java.util.List.of(), ServerMain.class.getName(),
                java.util.List.of("07-nio", "true"), false);
             EchoClient client = new EchoClient(child.port(), "/echo/hello", true)) {
            assertThat(client.get()).isEqualTo("hello".length());
            assertThat(cpusAllowed(Path.of("/proc/" + child.pid() + "/status"))).isEqualTo(firstCpu);
        } finally {
            System.clearProperty(ChildServer.SERVER_CPUS);
        }
    }

    private static String cpusAllowed(Path status) throws IOException {
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("Cpus_allowed_list:"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void opensOneConnectionPerRequestWithoutKeepAlive(String name) throws IOException {
        try (RunningServer server = Servers.start(name, false);
             EchoClient client = new EchoClient(server.port(), "/echo/hello", false)) {
            assertThat(client.get()).isEqualTo("hello".length());
            assertThat(client.get()).isEqualTo("hello".length());
            assertThat(client.connections()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void answersTheRootWithAnEmptyBodyAndAnUnknownPathIsAnError(String name) throws IOException {
        try (RunningServer server = Servers.start(name, true);
             EchoClient root = new EchoClient(server.port(), "/", true);
             EchoClient missing = new EchoClient(server.port(), "/no-such-route", true)) {
            assertThat(root.get()).isZero();
            assertThatThrownBy(missing::get).isInstanceOf(IOException.class).hasMessage("status 404");
        }
    }
}
