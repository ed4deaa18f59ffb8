package dev.serverlab.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The tutorial never lies about the code: every code block that a chapter
 * marks as a copy of a source region must equal that region, byte for byte.
 *
 * <p>Checks every {@code *.md} under {@code tutorial/} and the repository's
 * {@code README.md}, one dynamic test per file. Run with
 * {@code -Dsnippets.update=true} ({@link DriftCheck#REFRESH_COMMAND}) to
 * rewrite stale blocks from the sources instead of failing on them.
 */
class SnippetDriftTest {

    private static final boolean UPDATE = Boolean.getBoolean("snippets.update");

    @TestFactory
    Stream<DynamicTest> everyCopiedBlockMatchesItsSource() throws IOException {
        Path root = SourceTree.findRoot(Path.of(""));
        DriftCheck check = new DriftCheck(new SourceTree(root));
        List<Path> files = markdownFiles(root);
        assertThat(files).as("Markdown files under %s", root.resolve("tutorial")).isNotEmpty();
        return files.stream().map(file -> dynamicTest(root.relativize(file).toString(), () -> {
            DriftCheck.Report report = check.check(file, UPDATE);
            if (report.refreshed() > 0) {
                System.out.println("snippets: refreshed " + report.refreshed() + " block(s) in " + root.relativize(file));
            }
            assertThat(report.ok()).withFailMessage(report::describe).isTrue();
        }));
    }

    private static List<Path> markdownFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Path readme = root.resolve("README.md");
        if (Files.isRegularFile(readme)) {
            files.add(readme);
        }
        try (Stream<Path> walk = Files.walk(root.resolve("tutorial"))) {
            walk.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p))
                    .filter(p -> !root.resolve("tutorial").relativize(p).startsWith("target"))
                    .sorted()
                    .forEach(files::add);
        }
        return files;
    }
}
