package dev.serverlab.tutorial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The repository's sources, as chapters name them: paths relative to the
 * root, read once each.
 */
final class SourceTree {

    private final Path root;
    private final Map<Path, Snippets> parsed = new HashMap<>();

    SourceTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * The repository root: the nearest directory, from {@code start} upwards,
     * that holds {@code mvnw}. Maven runs a module's tests in the module's
     * directory, so the root is one level up there, but nothing relies on it.
     */
    static Path findRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory holding mvnw at or above " + start.toAbsolutePath());
    }

    Path root() {
        return root;
    }

    /**
     * The text a marker names: the region {@code tag} of the file at
     * {@code path}, or the whole file when {@code tag} is empty.
     *
     * @throws SnippetException if the file or the tag does not exist, the
     *                          path leaves the repository, or the file's tags are broken
     */
    String region(String path, Optional<String> tag) {
        Snippets snippets = parsed.computeIfAbsent(resolve(path), file -> Snippets.parse(path, read(path, file)));
        return tag.map(snippets::region).orElseGet(snippets::wholeFile);
    }

    private Path resolve(String path) {
        Path file = root.resolve(path).normalize();
        if (Path.of(path).isAbsolute() || !file.startsWith(root)) {
            throw new SnippetException(path + " is outside the repository; name sources relative to its root");
        }
        if (!Files.isRegularFile(file)) {
            throw new SnippetException(path + " does not exist (paths are relative to " + root + ")");
        }
        return file;
    }

    private static String read(String path, Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
