package dev.serverlab.tutorial;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An output as a chapter shows it, with the parts that change from run to
 * run left out: compares it with what a command really printed.
 *
 * <p>Rules, so a chapter can show real output and still be checked:
 * <ul>
 *   <li>{@code …} inside a line stands for any text on that line (a Date
 *       header, a time, a process id);
 *   <li>a line holding only {@code …} stands for any number of lines,
 *       none included;
 *   <li>carriage returns are dropped (curl prints headers with CRLF), and
 *       trailing blank lines and trailing spaces do not count;
 *   <li>the port the run used is read as 4221, the port the chapters use.
 * </ul>
 */
final class OutputPattern {

    static final String ANY = "…";
    static final String CHAPTER_PORT = "4221";

    private final List<String> expected;

    OutputPattern(String shown) {
        this.expected = lines(shown);
    }

    /** The command's output as the chapter would show it: CRs dropped, the run's port read as 4221. */
    static String normalise(String actual, int port) {
        String text = actual.replace("\r", "");
        return port == Integer.parseInt(CHAPTER_PORT) ? text
                : text.replaceAll("(?<![0-9])" + port + "(?![0-9])", CHAPTER_PORT);
    }

    boolean matches(String normalisedActual) {
        return matches(0, lines(normalisedActual), 0);
    }

    private boolean matches(int e, List<String> actual, int a) {
        if (e == expected.size()) {
            return a == actual.size();
        }
        String want = expected.get(e);
        if (want.strip().equals(ANY)) {
            for (int skip = a; skip <= actual.size(); skip++) {
                if (matches(e + 1, actual, skip)) {
                    return true;
                }
            }
            return false;
        }
        return a < actual.size() && lineMatches(want, actual.get(a)) && matches(e + 1, actual, a + 1);
    }

    static boolean lineMatches(String want, String have) {
        if (!want.contains(ANY)) {
            return want.equals(have);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : want.split(ANY, -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.matches(regex.toString(), have);
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.replace("\r", "").split("\n", -1)) {
            out.add(line.stripTrailing());
        }
        while (!out.isEmpty() && out.getLast().isEmpty()) {
            out.removeLast();
        }
        return out;
    }
}
