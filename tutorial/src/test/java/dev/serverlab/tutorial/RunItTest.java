package dev.serverlab.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The "Run it" sections do what they say: every step a chapter marks with
 * {@code <!-- run-it -->} runs, and prints what the chapter shows.
 *
 * <p>The marks are checked on every build (fast). Running the steps starts
 * real servers and takes a minute or more, so it happens only when asked,
 * through {@code tutorial/run-it.sh}, which builds the stages first and sets
 * {@code -Drun.it=01,02,...} (or {@code all}) and {@code -Drun.it.port}.
 */
class RunItTest {

    private static final String CHAPTERS = System.getProperty("run.it", "");
    private static final int PORT = Integer.getInteger("run.it.port", 4299);

    /**
     * Chapters 01 to 08 each show at least one step with its output, so their Run-it cannot go stale unseen.
     */
    @TestFactory
    Stream<DynamicTest> everyStageChapterMarksCheckedSteps() throws IOException {
        return chapters().filter(c -> c.getFileName().toString().matches("0[1-8]-.*"))
                .map(c -> dynamicTest(c.getFileName().toString(), () -> {
                    List<RunItSteps.Step> steps = RunItSteps.parse(c.toString(), Files.readString(c));
                    assertThat(steps).as("run-it steps with an output block in %s", c.getFileName())
                            .anySatisfy(step -> assertThat(step.output()).isPresent());
                }));
    }

    @TestFactory
    Stream<DynamicTest> markedStepsPrintWhatTheChapterShows() throws IOException {
        assumeTrue(!CHAPTERS.isBlank(), "run the steps with tutorial/run-it.sh (-Drun.it=all or 01,02,...)");
        Set<String> wanted = Arrays.stream(CHAPTERS.split(",")).map(String::strip).collect(Collectors.toSet());
        Path root = SourceTree.findRoot(Path.of(""));
        RunItRunner runner = new RunItRunner(root, PORT, Duration.ofMinutes(3));
        return chapters().filter(c -> wanted.contains("all") || wanted.contains(c.getFileName().toString().substring(0, 2)))
                .map(c -> dynamicTest(c.getFileName().toString(), () -> {
                    List<RunItSteps.Step> steps = RunItSteps.parse(c.toString(), Files.readString(c));
                    assumeTrue(!steps.isEmpty(), "no run-it steps");
                    List<RunItRunner.Failure> failures = runner.run(root.relativize(c).toString(), steps);
                    assertThat(failures).withFailMessage(() -> failures.stream().map(Object::toString)
                            .collect(Collectors.joining("\n\n"))).isEmpty();
                }));
    }

    private static Stream<Path> chapters() throws IOException {
        Path tutorial = SourceTree.findRoot(Path.of("")).resolve("tutorial");
        try (Stream<Path> files = Files.list(tutorial)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.md")).sorted().toList().stream();
        }
    }
}
