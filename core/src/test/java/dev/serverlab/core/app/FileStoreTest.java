package dev.serverlab.core.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store on its own; the HTTP side (decoding, statuses) is in {@link DemoAppFilesTest}. */
class FileStoreTest {

    @TempDir
    Path root;

    private Path dir;
    private FileStore store;

    @BeforeEach
    void createServedDirectory() throws IOException {
        dir = Files.createDirectory(root.resolve("served"));
        store = new FileStore(dir);
    }

    @Test
    void writeThenReadGivesTheSameBytes() throws IOException {
        byte[] content = {0, 1, 2, (byte) 0xff};
        store.write("data.bin", content);
        assertThat(store.read("data.bin")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
        assertThat(dir.resolve("data.bin")).hasBinaryContent(content);
    }

    @Test
    void writeReplacesAnExistingFileAndLeavesNoTemporaryFileBehind() throws IOException {
        store.write("f", "old".getBytes(StandardCharsets.UTF_8));
        store.write("f", "new".getBytes(StandardCharsets.UTF_8));
        assertThat(dir.resolve("f")).hasContent("new");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("f"));
        }
    }

    /** Renaming over a non-empty directory fails; the half-done upload must not linger. */
    @Test
    void failedWriteRemovesItsTemporaryFile() throws IOException {
        Files.createFile(Files.createDirectory(dir.resolve("taken")).resolve("inside"));
        assertThatThrownBy(() -> store.write("taken", "x".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("taken"));
        }
    }

    @Test
    void readOfAMissingFileOrADirectoryIsEmpty() throws IOException {
        Files.createDirectory(dir.resolve("sub"));
        assertThat(store.read("missing")).isEmpty();
        assertThat(store.read("sub")).isEmpty();
    }

    @Test
    void readDoesNotFollowASymbolicLinkOutOfTheDirectory() throws IOException {
        Path secret = Files.writeString(root.resolve("secret"), "outside");
        try {
            Files.createSymbolicLink(dir.resolve("link"), secret);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links here: " + e);
        }
        assertThat(store.read("link")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "../x", "a/b", "a\\b", "..\\x", "a..b", "a\0b", "/etc/passwd"})
    void refusesNamesThatAreNotPlainFileNames(String name) {
        assertThatThrownBy(() -> store.read(name)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> store.write(name, new byte[1])).isInstanceOf(BadRequestException.class);
        assertThat(root.resolve("x")).doesNotExist();
    }

    @Test
    void acceptsNamesWithSingleDotsAndOtherPunctuation() throws IOException {
        store.write(".hidden", new byte[0]);
        store.write("report.v2.txt", new byte[0]);
        store.write("%2e%2e", new byte[0]); // a literal name: decoding happens once, before the store
        assertThat(dir.resolve(".hidden")).exists();
        assertThat(dir.resolve("report.v2.txt")).exists();
        assertThat(dir.resolve("%2e%2e")).exists();
    }
}
