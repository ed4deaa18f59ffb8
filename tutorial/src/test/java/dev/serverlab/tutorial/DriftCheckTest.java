package dev.serverlab.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drift check end to end, on a small repository in a temp dir. */
class DriftCheckTest {

    @TempDir
    Path root;

    private Path chapter;

    @BeforeEach
    void aSourceAndAChapter() throws IOException {
        write("02-sequential/Server.java", """
                class Server {
                    void run() {
                        // tag::loop[]
                        while (true) {
                            serve(server.accept());
                        }
                        // end::loop[]
                    }
                }
                """);
        chapter = write("tutorial/02-sequential.md", """
                # Sequential

                <!-- snippet: 02-sequential/Server.java#loop -->
                ```java
                while (true) {
                    serve(listener.accept());
                }
                ```
                """);
    }

    @Test
    void aStaleBlockIsReportedWithChapterLineSourceAndTheRefreshCommand() throws IOException {
        DriftCheck.Report report = new DriftCheck(new SourceTree(root)).check(chapter, false);

        assertThat(report.ok()).isFalse();
        assertThat(report.stale()).isEqualTo(1);
        assertThat(report.describe()).isEqualTo("""
                tutorial/02-sequential.md:3: code block differs from 02-sequential/Server.java#loop
                    first difference at tutorial/02-sequential.md:6
                      chapter: "    serve(listener.accept());"
                      source:  "    serve(server.accept());"
                To copy the sources into the chapters, run:
                    ./mvnw -q -pl tutorial test -Dsnippets.update=true""");
    }

    @Test
    void updateRewritesTheChapterAndThenItPasses() throws IOException {
        DriftCheck check = new DriftCheck(new SourceTree(root));

        DriftCheck.Report update = check.check(chapter, true);

        assertThat(update.ok()).isTrue();
        assertThat(update.refreshed()).isEqualTo(1);
        assertThat(Files.readString(chapter)).contains("    serve(server.accept());\n}\n```\n");
        assertThat(check.check(chapter, false).ok()).isTrue();
    }

    @Test
    void aMissingTagIsReportedAndNotRefreshed() throws IOException {
        Files.writeString(chapter, Files.readString(chapter).replace("#loop", "#lop"));
        DriftCheck.Report report = new DriftCheck(new SourceTree(root)).check(chapter, true);

        assertThat(report.problems()).containsExactly(
                "tutorial/02-sequential.md:3: 02-sequential/Server.java has no tag 'lop'; it has loop");
        assertThat(report.describe()).doesNotContain("snippets.update");
    }

    @Test
    void aMissingFileIsReported() throws IOException {
        Files.writeString(chapter, Files.readString(chapter).replace("Server.java", "Serve.java"));
        DriftCheck.Report report = new DriftCheck(new SourceTree(root)).check(chapter, false);

        assertThat(report.problems()).singleElement().asString()
                .startsWith("tutorial/02-sequential.md:3: 02-sequential/Serve.java does not exist");
    }

    @Test
    void anUnclosedTagInTheSourceIsReported() throws IOException {
        write("02-sequential/Server.java", "// tag::loop[]\nwhile (true) {}\n");
        DriftCheck.Report report = new DriftCheck(new SourceTree(root)).check(chapter, false);

        assertThat(report.problems()).containsExactly(
                "tutorial/02-sequential.md:3: 02-sequential/Server.java:1: tag::loop[] is never closed");
    }

    @Test
    void aBlockShorterThanItsRegionSaysWhereItEnds() throws IOException {
        Files.writeString(chapter, Files.readString(chapter).replace("listener", "server").replace("}\n```", "```"));
        DriftCheck.Report report = new DriftCheck(new SourceTree(root)).check(chapter, false);

        assertThat(report.describe()).contains("chapter: (block ends)", "source:  \"}\"");
    }

    private Path write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
