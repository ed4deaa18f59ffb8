package dev.serverlab.tutorial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a chapter's {@link RunItSteps} in one bash process, in order, from
 * the repository root, and compares each step's output (stdout and stderr
 * together) with the one the chapter shows.
 *
 * <p>One shell for the whole chapter, so a step may use what an earlier one
 * set ({@code pid=$(scripts/start-bg.sh 02 --port 4221)}, then
 * {@code kill $pid}). The chapter's port 4221 is replaced by {@code port} in
 * every command and read back as 4221 in every output, so a run does not
 * collide with a server a reader left running. When the shell ends, every
 * process it left behind is stopped: its children, and any stage JVM still
 * listening on {@code port} (a server started by {@code scripts/start-bg.sh}
 * is no longer the shell's child).
 */
final class RunItRunner {

    /** What went wrong with one step, or with the chapter as a whole (line 0). */
    record Failure(String chapter, int line, String message) {
        @Override
        public String toString() {
            return chapter + ":" + line + ": " + message;
        }
    }

    private final Path root;
    private final int port;
    private final Duration timeout;

    RunItRunner(Path root, int port, Duration timeout) {
        this.root = root;
        this.port = port;
        this.timeout = timeout;
    }

    List<Failure> run(String chapter, List<RunItSteps.Step> steps) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("run-it-");
        StringBuilder script = new StringBuilder("cd '" + root + "' || exit 99\nexec < /dev/null\n");
        for (int i = 0; i < steps.size(); i++) {
            String commands = steps.get(i).commands().replace(OutputPattern.CHAPTER_PORT, Integer.toString(port));
            script.append("{\n").append(commands).append("\n} > '").append(dir.resolve(i + ".out"))
                    .append("' 2>&1\necho $? > '").append(dir.resolve(i + ".rc")).append("'\n");
        }
        Path file = Files.writeString(dir.resolve("chapter.sh"), script);
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("shell.out").toFile());
        builder.environment().put("TMPDIR", dir.toString()); // start-bg.sh's logs, out of everyone's way
        Process shell = builder.start();
        boolean finished = shell.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        stopLeftovers(shell);
        List<Failure> failures = new ArrayList<>();
        if (!finished) {
            failures.add(new Failure(chapter, 0, "steps still running after " + timeout.toSeconds() + " s; stopped"));
        }
        for (int i = 0; i < steps.size(); i++) {
            RunItSteps.Step step = steps.get(i);
            Path rc = dir.resolve(i + ".rc");
            if (!Files.exists(rc)) {
                failures.add(new Failure(chapter, step.line(), "did not run to its end"));
                continue;
            }
            String status = Files.readString(rc).strip();
            String output = OutputPattern.normalise(Files.readString(dir.resolve(i + ".out")), port);
            if (step.output().isPresent()) {
                if (!new OutputPattern(step.output().get()).matches(output)) {
                    failures.add(new Failure(chapter, step.line(), "output differs from the chapter's\n"
                            + "--- chapter shows:\n" + step.output().get() + "\n--- the run printed (exit "
                            + status + "):\n" + output.stripTrailing()));
                }
            } else if (!status.equals("0")) {
                failures.add(new Failure(chapter, step.line(), "exit status " + status + ":\n" + output.stripTrailing()));
            }
        }
        if (failures.isEmpty()) {
            deleteTree(dir);
        } else {
            failures.add(new Failure(chapter, 0, "the script and every step's output are in " + dir));
        }
        return failures;
    }

    /** Best effort: a server stopped a moment ago may still be writing its last log line. */
    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException leftBehind) {
            // a temp dir left behind is harmless
        }
    }

    private void stopLeftovers(Process shell) {
        shell.descendants().forEach(ProcessHandle::destroy);
        shell.destroy();
        String portFlag = "--port " + port;
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(".jar") && c.contains(portFlag)
                        && c.contains(root.toString())).orElse(false))
                .forEach(ProcessHandle::destroy);
    }
}
