package dev.serverlab.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real signals to a real JVM: {@link SignalTestMain} runs in a child
 * process, and {@code kill -TERM} or {@code kill -INT} (Ctrl-C) must make it
 * drain, say it stopped, and exit 0 rather than the JVM's default 143 or 130.
 *
 * <p>No timing is asserted: each step waits for the line that proves the
 * previous one, with generous deadlines for a slow, busy machine.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
@Timeout(120)
class SignalShutdownTest {

    /** Put on the queue when the child closes its stdout. */
    private static final String EOF = "\u0000EOF";

    private Process child;

    @AfterEach
    void killChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    void signalDrainsThenExitsZero(String signal, @TempDir Path tmp) throws Exception {
        Path stderr = tmp.resolve("stderr");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SignalTestMain.class.getName(), "--port", "0")
                .redirectError(stderr.toFile())
                .start();
        BlockingQueue<String> lines = readLines(child);

        String startUp = next(lines);
        assertThat(startUp).matches("99-signals listening on http://localhost:\\d+/ \\(files: off\\)");
        // The handlers are installed before the start-up line is printed, so the signal cannot come too early.
        Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(child.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();

        List<String> rest = new ArrayList<>();
        for (String line = next(lines); !line.equals(EOF); line = next(lines)) {
            rest.add(line);
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exits").isTrue();
        assertThat(rest).containsExactly(
                "99-signals stopping on SIG" + signal + ": draining for up to 10s",
                "fake: drained within 10s",
                "99-signals stopped");
        assertThat(child.exitValue()).isZero();
        assertThat(Files.readString(stderr)).isEmpty();
    }

    private static BlockingQueue<String> readLines(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (var reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException e) {
                // the child is gone; the assertions say what was missing
            }
            lines.add(EOF);
        });
        return lines;
    }

    private static String next(BlockingQueue<String> lines) throws InterruptedException {
        String line = lines.poll(60, TimeUnit.SECONDS);
        assertThat(line).as("a line from the child within 60 s").isNotNull();
        return line;
    }
}
