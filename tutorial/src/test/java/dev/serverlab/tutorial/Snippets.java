package dev.serverlab.tutorial;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tagged regions of one source file.
 *
 * <p>A region starts at a line {@code // tag::NAME[]} and ends at a line
 * {@code // end::NAME[]} ({@code #} may stand for {@code //}, for shell
 * scripts). Each marker is a line of its own; NAME is letters, digits,
 * {@code _ . -}. Regions may nest or overlap. A region's text is the lines
 * between its two markers, minus every marker line (its own, and those of
 * regions nested in it), minus the indentation all its non-blank lines share.
 *
 * <p>The whole file is parsed up front, so a tag opened and never closed, a
 * tag closed that was never opened, or a tag used twice is an error even
 * when the chapter asks for another tag of the same file.
 */
final class Snippets {

    private static final Pattern MARKER =
            Pattern.compile("^\\s*(?://|#)\\s*(tag|end)::([A-Za-z0-9_.-]+)\\[]\\s*$");

    private record Range(int from, int to) { // line indexes, markers excluded: (from, to)
    }

    private final String origin;
    private final List<String> lines;
    private final boolean[] isMarker;
    private final Map<String, Range> regions;

    private Snippets(String origin, List<String> lines, boolean[] isMarker, Map<String, Range> regions) {
        this.origin = origin;
        this.lines = lines;
        this.isMarker = isMarker;
        this.regions = regions;
    }

    /**
     * Parses a source's text.
     *
     * @param origin how error messages name the file, e.g. its path
     * @throws SnippetException if a tag is unclosed, unopened or used twice
     */
    static Snippets parse(String origin, String text) {
        List<String> lines = List.of(text.replace("\r\n", "\n").split("\n", -1));
        boolean[] isMarker = new boolean[lines.size()];
        Map<String, Integer> open = new HashMap<>();
        Map<String, Range> regions = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            isMarker[i] = true;
            String tag = m.group(2);
            if (m.group(1).equals("tag")) {
                if (open.containsKey(tag) || regions.containsKey(tag)) {
                    throw new SnippetException(origin + ":" + (i + 1) + ": tag '" + tag + "' is used twice");
                }
                open.put(tag, i);
            } else {
                Integer from = open.remove(tag);
                if (from == null) {
                    throw new SnippetException(origin + ":" + (i + 1) + ": end::" + tag + "[] without tag::" + tag + "[]");
                }
                regions.put(tag, new Range(from, i));
            }
        }
        if (!open.isEmpty()) {
            Map.Entry<String, Integer> first = open.entrySet().stream()
                    .min(Map.Entry.comparingByValue()).orElseThrow();
            throw new SnippetException(origin + ":" + (first.getValue() + 1) + ": tag::" + first.getKey()
                    + "[] is never closed");
        }
        return new Snippets(origin, lines, isMarker, regions);
    }

    Set<String> tags() {
        return regions.keySet();
    }

    /**
     * The text of one region, without a trailing newline.
     *
     * @throws SnippetException if the file has no such tag
     */
    String region(String tag) {
        Range r = regions.get(tag);
        if (r == null) {
            throw new SnippetException(origin + " has no tag '" + tag + "'"
                    + (regions.isEmpty() ? " (it has no tags)" : "; it has " + String.join(", ", regions.keySet())));
        }
        return text(r.from() + 1, r.to());
    }

    /** The whole file minus its marker lines and its final newline. */
    String wholeFile() {
        boolean endsWithNewline = lines.size() > 1 && lines.getLast().isEmpty();
        return text(0, endsWithNewline ? lines.size() - 1 : lines.size());
    }

    private String text(int from, int to) {
        List<String> kept = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (!isMarker[i]) {
                kept.add(lines.get(i));
            }
        }
        return String.join("\n", stripCommonIndent(kept));
    }

    /** Removes the leading whitespace every non-blank line shares; blank lines become empty. */
    static List<String> stripCommonIndent(List<String> lines) {
        String common = null;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            common = common == null ? indent : commonPrefix(common, indent);
        }
        int cut = common == null ? 0 : common.length();
        return lines.stream().map(line -> line.isBlank() ? "" : line.substring(cut)).toList();
    }

    private static String commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return a.substring(0, n);
    }
}
