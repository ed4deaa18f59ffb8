package dev.serverlab.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.net.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StageLauncher#run} with a {@link FakeStageServer}: help, the
 * start-up line, a port already taken, and stopping. Bad command lines are
 * in {@link StageLauncherUsageTest}; real signals in {@link SignalShutdownTest}.
 */
@Timeout(30)
class StageLauncherTest {

    private static final String NL = System.lineSeparator();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicReference<FakeStageServer> server = new AtomicReference<>();

    private int run(boolean stopsByItself, String... args) {
        return StageLauncher.run("02-sequential", "the accept loop", args, List.of(),
                fake(stopsByItself), print(out), print(err));
    }

    private Function<Options, dev.serverlab.core.net.StageServer> fake(boolean stopsByItself) {
        return options -> {
            server.set(new FakeStageServer(options.serverConfig(), stopsByItself));
            return server.get();
        };
    }

    @Test
    void helpPrintsTheUsageOnStdoutAndExitsZero() {
        int status = run(true, "--port", "nonsense", "--help");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(new CommandLine("02-sequential", "the accept loop", List.of()).usage())
                .startsWith("usage: 02-sequential [--flag value]...\nthe accept loop\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(server.get()).as("no server is built for --help").isNull();
    }

    @Test
    void startUpLineNamesTheStageAndTheBoundPort() {
        int status = run(true, "--port", "0");

        assertThat(status).isZero();
        String stdout = out.toString(StandardCharsets.UTF_8);
        Matcher port = StageLauncher.LISTENING.matcher(stdout);
        assertThat(port.find()).isTrue();
        assertThat(Integer.parseInt(port.group(1))).isPositive().isEqualTo(server.get().port());
        assertThat(stdout).isEqualTo("02-sequential listening on http://localhost:" + port.group(1)
                + "/ (files: off)" + NL + "02-sequential stopped" + NL);
        assertThat(server.get().drains).as("a server that stopped by itself is not shut down again").isEmpty();
    }

    @Test
    void startUpLineShowsTheDirectoryAbsolute(@TempDir Path dir) {
        run(true, "--port=0", "--directory", dir.toString());

        assertThat(out.toString(StandardCharsets.UTF_8).lines().findFirst()).get().asString()
                .matches("02-sequential listening on http://localhost:\\d+/ \\(files: .*\\)")
                .endsWith("(files: " + dir.toAbsolutePath() + ")");
    }

    @Test
    void startUpLineFormat() {
        assertThat(StageLauncher.startupLine("02-sequential", 4221, java.util.Optional.of(Path.of("/tmp/x"))))
                .isEqualTo("02-sequential listening on http://localhost:4221/ (files: /tmp/x)");
    }

    @Test
    void portInUseIsOneLineOnStderrAndExitOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int status = run(true, "--port", Integer.toString(taken.getLocalPort()));

            assertThat(status).isEqualTo(StageLauncher.EXIT_FAILED);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .startsWith("02-sequential: cannot listen on port " + taken.getLocalPort() + ": ")
                    .contains("in use")
                    .endsWith("(--port 0 picks a free port)" + NL)
                    .hasLineCount(1);
        }
    }

    @Test
    void factoryMayRejectACombinationOfFlags() {
        int status = StageLauncher.run("07-nio", "a selector", new String[0], List.of(),
                options -> {
                    throw new UsageException("--read-timeout: must not exceed --idle-timeout");
                }, print(out), print(err));

        assertThat(status).isEqualTo(StageLauncher.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("07-nio: --read-timeout: must not exceed --idle-timeout" + NL + "usage: 07-nio");
    }

    @Test
    void runsUntilTheServerStopsThenSaysSo() throws Exception {
        LineQueue lines = new LineQueue();
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> StageLauncher.run(
                "03-thread-per-connection", "a thread per connection", new String[] {"--port", "0"}, List.of(),
                fake(false), new PrintStream(lines, true, StandardCharsets.UTF_8), print(err)));

        assertThat(lines.next()).contains(" listening on http://localhost:");
        assertThat(status).isNotDone();
        server.get().shutdown(ServerConfig.DEFAULT_DRAIN_TIMEOUT);

        assertThat(status.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(lines.next()).isEqualTo("03-thread-per-connection stopped");
    }

    @Test
    void anInterruptedMainDrainsTheServerAndStillExitsZero() throws Exception {
        LineQueue lines = new LineQueue();
        CompletableFuture<Integer> status = new CompletableFuture<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread main = Thread.ofPlatform().start(() -> {
            status.complete(StageLauncher.run("03-thread-per-connection", "a thread per connection",
                    new String[] {"--port", "0"}, List.of(), fake(false),
                    new PrintStream(lines, true, StandardCharsets.UTF_8), print(err)));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });

        assertThat(lines.next()).contains(" listening on ");
        main.interrupt();

        assertThat(status.get(10, TimeUnit.SECONDS)).isZero();
        main.join();
        assertThat(server.get().drains).containsExactly(ServerConfig.DEFAULT_DRAIN_TIMEOUT);
        assertThat(stillInterrupted.get()).as("the interrupt is passed on, not swallowed").isTrue();
    }

    private static PrintStream print(OutputStream stream) {
        return new PrintStream(stream, true, StandardCharsets.UTF_8);
    }

    /** Stdout as a queue of lines, so a test can wait for one without sleeping. */
    private static final class LineQueue extends OutputStream {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8).stripTrailing());
                current.reset();
            } else {
                current.write(b);
            }
        }

        String next() throws InterruptedException {
            String line = lines.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("a line within 10 s").isNotNull();
            return line;
        }
    }
}
