package dev.serverlab.tutorial;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Run it" steps a chapter marks as runnable, each with the output the
 * chapter shows for it.
 *
 * <p>A step is a fenced shell block with {@code <!-- run-it -->} on the line
 * before it. The block that shows its output, if the chapter shows one,
 * comes next, with {@code <!-- run-it: output -->} on the line before it:
 *
 * <pre>
 * &lt;!-- run-it --&gt;
 * ```sh
 * curl -s http://localhost:4221/echo/hi
 * ```
 * &lt;!-- run-it: output --&gt;
 * ```text
 * hi
 * ```
 * </pre>
 *
 * <p>Prose may stand between the two blocks. A step without an output
 * block must still succeed (exit status 0). {@link OutputPattern} says how
 * an output is compared; {@link RunItRunner} runs the steps.
 */
final class RunItSteps {

    private static final Pattern MARKER = Pattern.compile("^ {0,3}<!--\\s*run-it(?::\\s*(\\S+))?\\s*-->\\s*$");
    private static final Pattern ANY_MARKER = Pattern.compile("^ {0,3}<!--\\s*run-it.*");

    /**
     * One runnable step.
     *
     * @param line     the marker's line number, counting from 1
     * @param commands the shell block's text
     * @param output   the output block's text, if the chapter shows one
     */
    record Step(int line, String commands, Optional<String> output) {
    }

    private RunItSteps() {
    }

    /**
     * Finds the steps of a chapter.
     *
     * @param name how error messages name the chapter
     * @throws SnippetException for a malformed marker, a marker without a
     *                          fenced block under it, or an output block that follows no step
     */
    static List<Step> parse(String name, String text) {
        List<String> lines = List.of(text.replace("\r\n", "\n").split("\n", -1));
        List<Step> steps = new ArrayList<>();
        Step pending = null; // a step whose output block may still follow
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            Matcher fence = Chapter.FENCE.matcher(line);
            if (fence.matches() && Chapter.isOpeningFence(fence)) {
                i = Chapter.closingFence(name, lines, i, fence) + 1; // markers inside a block are text
                continue;
            }
            if (!ANY_MARKER.matcher(line).matches()) {
                i++;
                continue;
            }
            Matcher marker = MARKER.matcher(line);
            if (!marker.matches() || (marker.group(1) != null && !marker.group(1).equals("output"))) {
                throw new SnippetException(name + ":" + (i + 1)
                        + ": malformed run-it marker; expected <!-- run-it --> or <!-- run-it: output -->");
            }
            Matcher open = i + 1 < lines.size() ? Chapter.FENCE.matcher(lines.get(i + 1)) : null;
            if (open == null || !open.matches() || !Chapter.isOpeningFence(open)) {
                throw new SnippetException(name + ":" + (i + 1)
                        + ": a run-it marker must be followed, on the next line, by a fenced code block");
            }
            int close = Chapter.closingFence(name, lines, i + 1, open);
            String block = String.join("\n", lines.subList(i + 2, close));
            if (marker.group(1) == null) {
                if (pending != null) {
                    steps.add(pending);
                }
                pending = new Step(i + 1, block, Optional.empty());
            } else {
                if (pending == null) {
                    throw new SnippetException(name + ":" + (i + 1) + ": an output block must follow a run-it block");
                }
                steps.add(new Step(pending.line(), pending.commands(), Optional.of(block)));
                pending = null;
            }
            i = close + 1;
        }
        if (pending != null) {
            steps.add(pending);
        }
        return List.copyOf(steps);
    }
}
