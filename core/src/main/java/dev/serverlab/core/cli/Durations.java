package dev.serverlab.core.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them on a command line: {@code 500ms},
 * {@code 5s}, {@code 2m}, and {@code 0} for "none".
 *
 * <p>Only those three units, only whole non-negative numbers, nothing else:
 * {@code 1.5s}, {@code 5}, {@code 5S}, {@code 1h} and {@code PT5S} are all
 * refused with a reason. A stricter format is easier to document and leaves
 * no doubt about what a flag was set to.
 *
 * <p>The longest accepted duration is {@link #MAX}, about 24.8 days: stages
 * hand timeouts to {@code Socket.setSoTimeout(int millis)}, and a larger
 * value would overflow that {@code int} rather than fail cleanly.
 */
public final class Durations {

    /** The longest duration {@link #parse} accepts: {@code Integer.MAX_VALUE} milliseconds. */
    public static final Duration MAX = Duration.ofMillis(Integer.MAX_VALUE);

    // Digits, then a unit. "0" alone is handled before this pattern.
    private static final Pattern FORM = Pattern.compile("([0-9]+)(ms|s|m)");

    private Durations() {
    }

    /**
     * Parses {@code 500ms}, {@code 5s}, {@code 2m} or {@code 0}.
     *
     * @throws IllegalArgumentException with a one-line reason that quotes
     *                                  the text, e.g. {@code "5" has no unit; write 5ms, 5s or 5m}
     */
    public static Duration parse(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(quote(text) + " " + whyNot(text));
        }
        Duration d;
        try {
            long amount = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        } catch (ArithmeticException | NumberFormatException tooManyDigits) {
            d = null;
        }
        if (d == null || d.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(quote(text) + " is too long; the most is " + format(MAX));
        }
        return d;
    }

    /**
     * Writes a duration the way {@link #parse} reads it, in the largest unit
     * that divides it exactly: {@code 120s} becomes {@code 2m}, zero becomes
     * {@code 0}. {@code parse(format(d))} gives {@code d} back.
     *
     * @throws IllegalArgumentException if {@code d} is negative or not a whole
     *                                  number of milliseconds, which no flag can express
     */
    public static String format(Duration d) {
        if (d.isNegative() || d.toNanosPart() % 1_000_000 != 0) {
            throw new IllegalArgumentException("not a whole, non-negative number of milliseconds: " + d);
        }
        long ms = d.toMillis();
        if (ms == 0) {
            return "0";
        } else if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        } else if (ms % 1_000 == 0) {
            return ms / 1_000 + "s";
        } else {
            return ms + "ms";
        }
    }

    /** The most specific reason we can give for text that does not match the form. */
    private static String whyNot(String text) {
        if (text.isEmpty()) {
            return "is empty; write a duration such as 500ms, 5s or 2m";
        }
        if (text.matches("[0-9]+")) {
            return "has no unit; write " + text + "ms, " + text + "s or " + text + "m";
        }
        if (text.startsWith("-")) {
            return "is negative; write 0 for no timeout";
        }
        if (text.matches("[0-9]*\\.[0-9]*[a-zA-Z]*")) {
            return "is not a whole number; use a smaller unit (1500ms, not 1.5s)";
        }
        if (text.matches("[0-9]+[a-zA-Z]+")) {
            return "has an unknown unit; use ms, s or m";
        }
        return "is not a duration; write one such as 500ms, 5s or 2m";
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
