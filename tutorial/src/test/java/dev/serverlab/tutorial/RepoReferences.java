package dev.serverlab.tutorial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the repository paths a text names and reports those that do not
 * exist, so a chapter, a README or a Javadoc comment cannot point at a file
 * that moved or never was (issue 11: Javadoc naming a {@code DESIGN.md}
 * that is not in the repository).
 *
 * <p>What counts as a reference:
 * <ul>
 *   <li>a path from the repository root that starts with a module or a
 *       top-level directory ({@code core/src/main/java/...},
 *       {@code 05-thread-pool/...}, {@code scripts/start-bg.sh},
 *       {@code tutorial/...}); a path under {@code target/} or a
 *       dot-directory is generated, not kept, and one with {@code *} or
 *       {@code {}} is a pattern, so these are left alone, and so are a
 *       Markdown link's text and target, which the last rule reads
 *       relative to the Markdown file;
 *   <li>a capitalised Markdown file name ({@code DESIGN.md},
 *       {@code STYLE.md}): it must exist beside the text or at the root;
 *   <li>in Markdown, the target of a relative link {@code [text](../x/y)},
 *       resolved from the Markdown file's directory, anchor dropped.
 * </ul>
 * In a Java file only comment lines count, so string literals in tests may
 * hold made-up paths.
 */
final class RepoReferences {

    private static final Pattern REPO_PATH = Pattern.compile(
            "(?<![\\w./@\\[-]|]\\()((?:core|testkit|benchmarks|tutorial|scripts|tools|\\d\\d-[a-z][a-z0-9-]*)/[\\w.@-]+(?:/[\\w.@-]+)*)");
    private static final Pattern DOC_NAME = Pattern.compile("(?<![\\w./-])([A-Z][A-Z_-]+\\.md)\\b");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern COMMENT_LINE = Pattern.compile("^\\s*(?://|/?\\*).*");

    private final Path root;

    RepoReferences(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** One message per missing reference in {@code file}: {@code path:line: names x, which does not exist}. */
    List<String> missing(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        String name = root.relativize(abs).toString().replace('\\', '/');
        boolean markdown = name.endsWith(".md");
        boolean java = name.endsWith(".java");
        List<String> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(abs);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (java && !COMMENT_LINE.matcher(line).matches()) {
                continue;
            }
            for (String path : matches(REPO_PATH, line)) {
                String clean = path.replaceAll("[.]+$", "");
                if (!isBuilt(clean) && !Files.exists(root.resolve(clean))) {
                    problems.add(name + ":" + (i + 1) + ": names " + clean + ", which does not exist");
                }
            }
            for (String doc : matches(DOC_NAME, line)) {
                if (!Files.exists(abs.resolveSibling(doc)) && !Files.exists(root.resolve(doc))) {
                    problems.add(name + ":" + (i + 1) + ": names " + doc + ", which is not in the repository");
                }
            }
            if (markdown) {
                for (String target : matches(LINK, line)) {
                    if (target.matches("^[a-z]+:.*")) {
                        continue;
                    }
                    String path = target.replaceAll("[#?].*$", "");
                    Path linked = path.isEmpty() ? abs : abs.getParent().resolve(path).normalize();
                    if (!Files.exists(linked)) {
                        problems.add(name + ":" + (i + 1) + ": links to " + target + ", which does not exist");
                    } else if (target.contains("#") && linked.toString().endsWith(".md")
                            && !anchors(linked).contains(target.substring(target.indexOf('#') + 1))) {
                        problems.add(name + ":" + (i + 1) + ": links to " + target + ", which has no such heading");
                    }
                }
            }
        }
        return problems;
    }

    /** Under {@code target/}, or a dot-directory a tool generates ({@code core/.cifuzz-corpus}): not kept in git. */
    private static boolean isBuilt(String path) {
        return path.contains("/target/") || path.endsWith("/target") || path.contains("/.");
    }

    /**
     * The files whose references are checked: the Markdown of the root, of
     * each module and of {@code tutorial/}, and every Java source outside
     * the tutorial module's own tests (whose fixtures name made-up files).
     */
    List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String rel = root.relativize(p).toString().replace('\\', '/');
                        if (rel.startsWith(".") || rel.contains("/target/") || rel.startsWith("target/")
                                || rel.contains("/.") || rel.startsWith("tutorial/src/")) {
                            return false;
                        }
                        return rel.endsWith(".java") && rel.contains("/src/")
                                || rel.endsWith(".md") && (!rel.contains("/") || rel.matches("[^/]+/README\\.md")
                                || rel.startsWith("tutorial/"));
                    })
                    .sorted()
                    .toList();
        }
    }

    /**
     * The anchors GitHub gives a Markdown file's headings: lower case, every
     * character but letters, digits, spaces, {@code -} and {@code _} dropped,
     * spaces made {@code -}. Shortcut: the {@code -1} suffixes of repeated
     * headings are not made.
     */
    static Set<String> anchors(Path markdown) throws IOException {
        Set<String> anchors = new HashSet<>();
        for (String line : Files.readAllLines(markdown)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                anchors.add(heading.group(1).strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    private static List<String> matches(Pattern pattern, String line) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(line);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
