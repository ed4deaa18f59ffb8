package dev.serverlab.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandsTest {

    @TempDir
    Path root;

    /** Every exercise's check in the chapters names a test that exists. */
    @Test
    void everyTestCommandInTheChaptersNamesARealTest() throws IOException {
        Path repo = SourceTree.findRoot(Path.of(""));
        TestCommands commands = new TestCommands(repo);
        List<String> problems = new ArrayList<>();
        int chapters = 0;
        try (Stream<Path> files = Files.list(repo.resolve("tutorial"))) {
            for (Path chapter : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                problems.addAll(commands.problems(repo.relativize(chapter).toString(), Files.readString(chapter)));
                chapters++;
            }
        }
        assertThat(chapters).isPositive();
        assertThat(problems).withFailMessage(() -> String.join("\n", problems)).isEmpty();
    }

    @Test
    void aMissingClassOrMethodIsReportedAndAContractMethodIsFound() throws IOException {
        write("testkit/src/main/java/dev/x/RoutesContract.java", "interface RoutesContract { default void echoWorks() {} }");
        write("02-sequential/src/test/java/dev/x/SequentialServerTest.java",
                "class SequentialServerTest implements RoutesContract { void slowClientStalls() {} }");
        String text = """
                `./mvnw -q -pl 02-sequential -am test -Dtest='SequentialServerTest#slowClientStalls'`
                `./mvnw -q -pl 02-sequential -am test -Dtest='SequentialServerTest#echoWorks'`
                `./mvnw -q -pl 02-sequential -am test -Dtest='SequentialServerTest#gone'`
                `./mvnw -q -pl 02-sequential -am test -Dtest=NoSuchTest`
                """;
        assertThat(new TestCommands(root).problems("ch.md", text)).containsExactly(
                "ch.md:3: -pl 02-sequential -Dtest=SequentialServerTest#gone: SequentialServerTest has no test method gone",
                "ch.md:4: -pl 02-sequential -Dtest=NoSuchTest: no test class NoSuchTest in 02-sequential");
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
