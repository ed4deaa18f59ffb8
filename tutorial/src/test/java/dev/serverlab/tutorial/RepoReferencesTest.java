package dev.serverlab.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoReferencesTest {

    @TempDir
    Path root;

    /** The check on this repository: every path a chapter, README or Javadoc names exists. */
    @Test
    void everyPathTheDocsNameExists() throws IOException {
        RepoReferences references = new RepoReferences(SourceTree.findRoot(Path.of("")));
        List<String> problems = new ArrayList<>();
        for (Path file : references.files()) {
            problems.addAll(references.missing(file));
        }
        assertThat(problems).withFailMessage(() -> String.join("\n", problems)).isEmpty();
    }

    @Test
    void aMissingRepoPathADocNameAndALinkAreEachReported() throws IOException {
        write("core/src/main/java/A.java", "class A {}\n");
        Path chapter = write("tutorial/01.md", """
                See `core/src/main/java/A.java` and core/src/main/java/B.java.
                The contract is in DESIGN.md; [the stage](../02-sequential/Main.java), [ok](../core).
                Built: `02-sequential/target/02-sequential.jar`, any `core/src/*/java`, [web](https://x/y).
                """);
        assertThat(new RepoReferences(root).missing(chapter)).containsExactly(
                "tutorial/01.md:1: names core/src/main/java/B.java, which does not exist",
                "tutorial/01.md:2: names DESIGN.md, which is not in the repository",
                "tutorial/01.md:2: links to ../02-sequential/Main.java, which does not exist");
    }

    @Test
    void aLinkToAHeadingNeedsThatHeading() throws IOException {
        write("tutorial/02.md", "# 02\n\n## When `accept()` fails: back off\n");
        Path chapter = write("tutorial/03.md", "[ok](02.md#when-accept-fails-back-off), [bad](02.md#back-off)\n");
        assertThat(new RepoReferences(root).missing(chapter))
                .containsExactly("tutorial/03.md:1: links to 02.md#back-off, which has no such heading");
    }

    @Test
    void inJavaOnlyCommentsCount() throws IOException {
        Path source = write("core/src/test/java/T.java", """
                /** Reads core/src/main/java/Gone.java. */
                class T {
                    String fixture = "core/src/main/java/Made/Up.java";
                    // see DESIGN.md
                }
                """);
        assertThat(new RepoReferences(root).missing(source)).containsExactly(
                "core/src/test/java/T.java:1: names core/src/main/java/Gone.java, which does not exist",
                "core/src/test/java/T.java:4: names DESIGN.md, which is not in the repository");
    }

    private Path write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
