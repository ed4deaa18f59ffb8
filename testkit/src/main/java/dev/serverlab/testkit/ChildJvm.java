package dev.serverlab.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stage's {@code Main} run in a child JVM, the way a user runs it: with
 * real flags, a real start-up line, real signals and a real exit code.
 * It uses the same java and class path as the test itself.
 */
public final class ChildJvm implements AutoCloseable {

    /** The part of the start-up line that names the bound port. */
    public static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)/");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final List<String> stderr = new ArrayList<>();
    private final Thread outPump;
    private final Thread errPump;

    private ChildJvm(Process process) {
        this.process = process;
        this.outPump = pump(process.getInputStream(), stdout::add);
        this.errPump = pump(process.getErrorStream(), line -> {
            synchronized (stderr) {
                stderr.add(line);
            }
        });
    }

    /** Starts {@code mainClass} with {@code args}; returns at once. */
    public static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).start());
    }

    /**
     * Starts {@code mainClass} as {@link #start} does, with at most
     * {@code limit} open file descriptors ({@code ulimit -n}, through bash,
     * which then execs the JVM: the process is the JVM itself). Linux and
     * macOS only. Classes come from jars, as in a user's run: see
     * {@link JarredClassPath}.
     */
    public static ChildJvm startWithDescriptorLimit(int limit, Class<?> mainClass, String... args)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -n " + limit + " && exec \"$@\"",
                "bash", java, "-cp", JarredClassPath.of(System.getProperty("java.class.path")),
                mainClass.getName()));
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).start());
    }

    /** The child's process id, e.g. to count its descriptors in {@code /proc}. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the start-up line and returns the port it names. */
    public int awaitListeningPort() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = stdout.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            } else if (!process.isAlive()) {
                throw new AssertionError("server exited with " + process.exitValue() + " before listening: "
                        + stderrLines());
            }
        }
        throw new AssertionError("no start-up line within " + START_TIMEOUT + "; stderr: " + stderrLines());
    }

    /** Sends SIGTERM, as {@code kill PID} or a service manager would. */
    public void terminate() {
        // The signal alone: Process.destroy() would also close the output pipes and
        // lose what the server prints while it drains and exits.
        process.toHandle().destroy();
    }

    /** Waits for the process to exit and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("process still running after " + timeout);
        }
        outPump.join(5000);
        errPump.join(5000);
        return process.exitValue();
    }

    /** Everything printed on stdout so far that has not been consumed by {@link #awaitListeningPort()}. */
    public List<String> remainingStdoutLines() {
        List<String> lines = new ArrayList<>();
        stdout.drainTo(lines);
        return lines;
    }

    public List<String> stderrLines() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static Thread pump(java.io.InputStream in, java.util.function.Consumer<String> sink) {
        return Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }
}
