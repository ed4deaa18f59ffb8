package dev.serverlab.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The test's class path with each directory ({@code target/classes}) packed
 * into a jar, for a child JVM that must run short of file descriptors.
 * A class loaded from a directory opens its {@code .class} file when it is
 * first needed, so under "too many open files" any class not loaded yet
 * fails with {@code NoClassDefFoundError}; a jar is opened once and stays
 * open, as it does when a user runs a stage's jar. Made once per test JVM.
 */
final class JarredClassPath {

    private static final Map<String, String> MADE = new ConcurrentHashMap<>();

    private JarredClassPath() {
    }

    static String of(String classPath) throws IOException {
        String made = MADE.get(classPath);
        if (made == null) {
            made = jar(classPath);
            MADE.put(classPath, made);
        }
        return made;
    }

    private static String jar(String classPath) throws IOException {
        Path dir = Files.createTempDirectory("serverlab-classpath");
        dir.toFile().deleteOnExit();
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                entries.add(entry);
                continue;
            }
            Path jar = dir.resolve("classes-" + n++ + ".jar");
            jar.toFile().deleteOnExit();
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                 Stream<Path> files = Files.walk(path)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    out.putNextEntry(new JarEntry(path.relativize(file).toString().replace(File.separatorChar, '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            entries.add(jar.toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
