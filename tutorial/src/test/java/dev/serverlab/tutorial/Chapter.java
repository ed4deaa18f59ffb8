package dev.serverlab.tutorial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown file and the code blocks in it that are copies of sources.
 *
 * <p>A copy is announced by an HTML comment on the line right before a
 * fenced code block:
 *
 * <pre>
 * &lt;!-- snippet: core/src/main/java/dev/serverlab/core/http/RequestParser.java#body-framing --&gt;
 * ```java
 * ...the region, copied...
 * ```
 * </pre>
 *
 * <p>The path is relative to the repository root; {@code #tag} is optional
 * and without it the block holds the whole file (see {@link Snippets}).
 * Following CommonMark, the marker and the fence may be indented by up to
 * three spaces, the fence is three or more backticks or tildes, and it is
 * closed by a fence of the same character at least as long. A copied block
 * indented by N spaces has each non-blank line of the region indented by N.
 * Markers inside a fenced block are text, not markers, so a chapter can show
 * the syntax. Shortcut: markers in blocks nested deeper (a list in a list)
 * are not recognised.
 */
final class Chapter {

    private static final Pattern MARKER_START = Pattern.compile("^ {0,3}<!--\\s*snippet:.*");
    private static final Pattern MARKER =
            Pattern.compile("^ {0,3}<!--\\s*snippet:\\s*([^\\s#]+)(?:#([A-Za-z0-9_.-]+))?\\s*-->\\s*$");
    static final Pattern FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})(.*)$");

    /**
     * One copied block.
     *
     * @param markerLine the marker's line number, counting from 1
     * @param source     the source's path, relative to the repository root
     * @param tag        the region's tag; empty for the whole file
     * @param indent     the fence's indentation
     * @param from       index of the block's first content line
     * @param to         index of the closing fence
     * @param code       the block's content as the chapter has it
     */
    record Include(int markerLine, String source, Optional<String> tag, String indent, int from, int to,
                   String code) {

        /** How the marker names what it includes: {@code path#tag}, or the bare path. */
        String ref() {
            return source + tag.map(t -> "#" + t).orElse("");
        }

        /** The block's content as it must be, given the region's text. */
        String render(String region) {
            if (indent.isEmpty()) {
                return region;
            }
            return String.join("\n", Arrays.stream(region.split("\n", -1))
                    .map(line -> line.isEmpty() ? line : indent + line)
                    .toList());
        }
    }

    private final String name;
    private final List<String> lines;
    private final boolean crlf;
    private final List<Include> includes;

    private Chapter(String name, List<String> lines, boolean crlf, List<Include> includes) {
        this.name = name;
        this.lines = lines;
        this.crlf = crlf;
        this.includes = includes;
    }

    /**
     * Finds the snippet markers of a Markdown text.
     *
     * @param name how error messages name the chapter, e.g. its path
     * @throws SnippetException for a malformed marker, a marker not followed by
     *                          a fenced block, or a fenced block never closed
     */
    static Chapter parse(String name, String text) {
        boolean crlf = text.contains("\r\n");
        List<String> lines = List.of(text.replace("\r\n", "\n").split("\n", -1));
        List<Include> includes = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            Matcher fence = FENCE.matcher(line);
            if (fence.matches() && isOpeningFence(fence)) {
                i = closingFence(name, lines, i, fence) + 1; // skip the block: markers in it are text
            } else if (MARKER_START.matcher(line).matches()) {
                Include include = include(name, lines, i);
                includes.add(include);
                i = include.to() + 1;
            } else {
                i++;
            }
        }
        return new Chapter(name, lines, crlf, List.copyOf(includes));
    }

    String name() {
        return name;
    }

    List<Include> includes() {
        return includes;
    }

    /**
     * The chapter with each block in {@code regions} replaced by its region's
     * text; blocks not in the map are left as they are. Everything outside the
     * blocks, line endings included, is kept byte for byte.
     */
    String rewrite(Map<Include, String> regions) {
        List<String> out = new ArrayList<>();
        int next = 0;
        for (Include include : includes) {
            String region = regions.get(include);
            if (region == null) {
                continue;
            }
            out.addAll(lines.subList(next, include.from()));
            String rendered = include.render(region);
            if (!rendered.isEmpty()) {
                out.addAll(List.of(rendered.split("\n", -1)));
            }
            next = include.to();
        }
        out.addAll(lines.subList(next, lines.size()));
        return String.join(crlf ? "\r\n" : "\n", out);
    }

    private static Include include(String name, List<String> lines, int at) {
        Matcher marker = MARKER.matcher(lines.get(at));
        if (!marker.matches()) {
            throw new SnippetException(name + ":" + (at + 1)
                    + ": malformed snippet marker; expected <!-- snippet: path/from/repo/root[#tag] -->");
        }
        Matcher fence = at + 1 < lines.size() ? FENCE.matcher(lines.get(at + 1)) : null;
        if (fence == null || !fence.matches() || !isOpeningFence(fence)) {
            throw new SnippetException(name + ":" + (at + 1)
                    + ": snippet marker must be followed, on the next line, by a fenced code block");
        }
        int close = closingFence(name, lines, at + 1, fence);
        String code = String.join("\n", lines.subList(at + 2, close));
        return new Include(at + 1, marker.group(1), Optional.ofNullable(marker.group(2)), fence.group(1),
                at + 2, close, code);
    }

    /** CommonMark: a backtick fence's info string may not contain a backtick. */
    static boolean isOpeningFence(Matcher fence) {
        return !(fence.group(2).charAt(0) == '`' && fence.group(3).contains("`"));
    }

    static int closingFence(String name, List<String> lines, int open, Matcher fence) {
        String opener = fence.group(2);
        for (int i = open + 1; i < lines.size(); i++) {
            Matcher m = FENCE.matcher(lines.get(i));
            if (m.matches() && m.group(3).isBlank()
                    && m.group(2).charAt(0) == opener.charAt(0) && m.group(2).length() >= opener.length()) {
                return i;
            }
        }
        throw new SnippetException(name + ":" + (open + 1) + ": code block is never closed");
    }
}
