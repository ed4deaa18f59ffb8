package dev.serverlab.tutorial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code ./mvnw -pl MODULE ... -Dtest='Class#method'} commands a text
 * gives (the exercises' checks), and whether each names a test that exists:
 * a test class under {@code MODULE/src/test}, and a method declared in it or
 * in a testkit contract it implements. A renamed test would otherwise leave
 * an exercise pointing at nothing, and the learner's run would pass with no
 * test run at all ({@code -Dsurefire.failIfNoSpecifiedTests=false}).
 */
final class TestCommands {

    private static final Pattern COMMAND =
            Pattern.compile("-pl ([\\w-]+) [^`]*?-Dtest='?([A-Za-z0-9_]+)(?:#([A-Za-z0-9_]+))?'?");
    private static final Pattern CONTRACT = Pattern.compile("\\b([A-Z]\\w*Contract)\\b");

    private final Path root;

    TestCommands(Path root) {
        this.root = root;
    }

    /** One message per command in {@code text} that names a missing module, class or method. */
    List<String> problems(String name, String text) throws IOException {
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = COMMAND.matcher(lines[i]);
            while (m.find()) {
                String where = name + ":" + (i + 1) + ": -pl " + m.group(1) + " -Dtest=" + m.group(2)
                        + (m.group(3) == null ? "" : "#" + m.group(3));
                Path tests = root.resolve(m.group(1)).resolve("src/test/java");
                Path source = find(tests, m.group(2) + ".java");
                if (source == null) {
                    problems.add(where + ": no test class " + m.group(2) + " in " + m.group(1));
                } else if (m.group(3) != null && !declares(source, m.group(3))) {
                    problems.add(where + ": " + m.group(2) + " has no test method " + m.group(3));
                }
            }
        }
        return problems;
    }

    /** The method is in the class itself or in a contract (testkit) the class names. */
    private boolean declares(Path source, String method) throws IOException {
        String text = Files.readString(source);
        Pattern declaration = Pattern.compile("void " + method + "\\(");
        if (declaration.matcher(text).find()) {
            return true;
        }
        Matcher contract = CONTRACT.matcher(text);
        while (contract.find()) {
            Path file = find(root.resolve("testkit/src/main/java"), contract.group(1) + ".java");
            if (file != null && declaration.matcher(Files.readString(file)).find()) {
                return true;
            }
        }
        return false;
    }

    private static Path find(Path dir, String fileName) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().equals(fileName)).findFirst().orElse(null);
        }
    }
}
