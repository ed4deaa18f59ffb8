package dev.serverlab.tutorial;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares each copied block of a chapter with the region it names, and on
 * request rewrites the stale ones in place.
 */
final class DriftCheck {

    /** What a reader runs to copy the sources into the chapters again. */
    static final String REFRESH_COMMAND = "./mvnw -q -pl tutorial test -Dsnippets.update=true";

    /**
     * What a check found.
     *
     * @param problems  one message per broken marker or stale block
     * @param stale     how many of the problems a refresh would fix
     * @param refreshed how many blocks were rewritten (update mode only)
     */
    record Report(List<String> problems, int stale, int refreshed) {

        boolean ok() {
            return problems.isEmpty();
        }

        /** The problems, then the refresh command if it would help. */
        String describe() {
            String all = String.join("\n", problems);
            return stale == 0 ? all : all + "\nTo copy the sources into the chapters, run:\n    " + REFRESH_COMMAND;
        }
    }

    private final SourceTree sources;

    DriftCheck(SourceTree sources) {
        this.sources = sources;
    }

    /**
     * Checks one Markdown file. With {@code update}, stale blocks are first
     * rewritten from their sources and are not reported; broken markers are
     * reported either way, since no rewrite can fix them.
     */
    Report check(Path markdown, boolean update) throws IOException {
        String name = sources.root().relativize(markdown.toAbsolutePath().normalize())
                .toString().replace(File.separatorChar, '/');
        String text = Files.readString(markdown);
        Chapter chapter;
        try {
            chapter = Chapter.parse(name, text);
        } catch (SnippetException e) {
            return new Report(List.of(e.getMessage()), 0, 0);
        }
        List<String> problems = new ArrayList<>();
        Map<Chapter.Include, String> stale = new LinkedHashMap<>();
        for (Chapter.Include include : chapter.includes()) {
            try {
                String region = sources.region(include.source(), include.tag());
                if (!include.code().equals(include.render(region))) {
                    stale.put(include, region);
                }
            } catch (SnippetException e) {
                problems.add(name + ":" + include.markerLine() + ": " + e.getMessage());
            }
        }
        if (update) {
            if (!stale.isEmpty()) {
                Files.writeString(markdown, chapter.rewrite(stale));
            }
            return new Report(problems, 0, stale.size());
        }
        stale.forEach((include, region) -> problems.add(staleMessage(name, include, include.render(region))));
        return new Report(problems, stale.size(), 0);
    }

    private static String staleMessage(String name, Chapter.Include include, String expected) {
        List<String> have = List.of(include.code().split("\n", -1));
        List<String> want = List.of(expected.split("\n", -1));
        int i = 0;
        while (i < have.size() && i < want.size() && have.get(i).equals(want.get(i))) {
            i++;
        }
        return name + ":" + include.markerLine() + ": code block differs from " + include.ref() + "\n"
                + "    first difference at " + name + ":" + (include.from() + i + 1) + "\n"
                + "      chapter: " + lineOrEnd(have, i) + "\n"
                + "      source:  " + lineOrEnd(want, i);
    }

    private static String lineOrEnd(List<String> lines, int i) {
        return i < lines.size() ? '"' + lines.get(i) + '"' : "(block ends)";
    }
}
