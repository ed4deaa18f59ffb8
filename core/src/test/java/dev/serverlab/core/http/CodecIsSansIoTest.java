package dev.serverlab.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture's one idea, enforced: the codec knows nothing of
 * sockets, so the same parser serves blocking streams and the reactor.
 * Reads the sources from the file system (Maven runs tests in the module
 * directory) rather than trusting compiled classes.
 */
class CodecIsSansIoTest {

    private static final Path HTTP_SOURCES = Path.of("src/main/java/dev/serverlab/core/http");
    private static final Pattern SOCKET_IMPORT =
            Pattern.compile("^\\s*import\\s+(static\\s+)?java\\.(net|nio\\.channels)\\b.*");
    // Also catches a fully qualified use that dodges the import rule; comments may still name the packages.
    private static final Pattern QUALIFIED_USE = Pattern.compile("\\bjava\\.(net|nio\\.channels)\\.[A-Za-z]");

    @Test
    void codecSourcesUseNothingFromJavaNetOrJavaNioChannels() throws IOException {
        assertThat(HTTP_SOURCES.resolve("RequestParser.java"))
                .as("codec sources, relative to the core module directory").exists();

        List<String> offences = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(HTTP_SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String trimmed = line.strip();
                boolean comment = trimmed.startsWith("*") || trimmed.startsWith("//") || trimmed.startsWith("/*");
                if (SOCKET_IMPORT.matcher(line).matches() || (!comment && QUALIFIED_USE.matcher(line).find())) {
                    offences.add(file + ":" + (i + 1) + ": " + trimmed);
                }
            }
        }

        assertThat(files).as("codec source files").hasSizeGreaterThan(5);
        assertThat(offences).as("socket types in the sans-I/O codec").isEmpty();
    }
}
