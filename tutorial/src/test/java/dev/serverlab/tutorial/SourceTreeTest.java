package dev.serverlab.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTreeTest {

    @TempDir
    Path root;

    @Test
    void findsTheRootByWalkingUpToMvnw() throws IOException {
        Files.writeString(root.resolve("mvnw"), "#!/bin/sh\n");
        Path deep = Files.createDirectories(root.resolve("tutorial/src/test"));
        assertThat(SourceTree.findRoot(deep)).isEqualTo(root.toAbsolutePath().normalize());
    }

    @Test
    void noMvnwAnywhereIsAnError() {
        assumeFalse(hasMvnwAbove(root), "this machine's temp dir has an mvnw above it");
        Path start = root.resolve("a/b");
        assertThatThrownBy(() -> SourceTree.findRoot(start)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readsARegionOrTheWholeFile() throws IOException {
        write("core/A.java", "class A {\n    // tag::m[]\n    void m() {}\n    // end::m[]\n}\n");
        SourceTree tree = new SourceTree(root);
        assertThat(tree.region("core/A.java", Optional.of("m"))).isEqualTo("void m() {}");
        assertThat(tree.region("core/A.java", Optional.empty())).isEqualTo("class A {\n    void m() {}\n}");
    }

    @Test
    void aMissingFileIsAnError() {
        assertThatThrownBy(() -> new SourceTree(root).region("core/Nope.java", Optional.of("m")))
                .isInstanceOf(SnippetException.class)
                .hasMessageStartingWith("core/Nope.java does not exist");
    }

    @Test
    void aPathOutsideTheRepositoryIsRefused() throws IOException {
        write("y/A.java", "a\n");
        SourceTree tree = new SourceTree(Files.createDirectories(root.resolve("x")));
        assertThatThrownBy(() -> tree.region("../y/A.java", Optional.empty()))
                .isInstanceOf(SnippetException.class)
                .hasMessageContaining("outside the repository");
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static boolean hasMvnwAbove(Path dir) {
        for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("mvnw"))) {
                return true;
            }
        }
        return false;
    }
}
