package dev.serverlab.core.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One command-line flag: its name, how its value is written in the usage
 * ({@code N}, {@code D}, ...), what it means, its default, and how the text
 * after it becomes a value.
 *
 * <p>A stage declares only the flags of its own idea, with the factories
 * below; {@link StageLauncher} adds {@code --port}, {@code --directory} and
 * {@code --help} to every stage. Every factory takes the same first four
 * arguments: name, value name, help, default.
 *
 * <p>Mistakes in a declaration (a bad name, a default outside its own range)
 * are programming errors and throw {@link IllegalArgumentException} at once;
 * mistakes on the command line become a {@link UsageException}.
 */
public final class Flag {

    /** What kind of value a flag holds; {@link Options} checks each getter against it. */
    enum Kind { INTEGER, DURATION, BOOL, CHOICE, DIRECTORY }

    private static final Pattern NAME = Pattern.compile("--[a-z0-9]+(-[a-z0-9]+)*");

    private final String name;
    private final String valueName;
    private final String help;
    private final Kind kind;
    private final String range;             // "1..10000" for integers, else ""
    private final Object defaultValue;      // null only for --directory: "none"
    private final String defaultText;       // as the usage shows it
    private final Function<String, Object> parser;   // throws IllegalArgumentException(reason)

    private Flag(String name, String valueName, String help, Kind kind, String range, Object defaultValue,
                 String defaultText, Function<String, Object> parser) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a flag name is -- then lower-case words joined by '-': " + name);
        }
        if (valueName.isBlank() || help.isBlank()) {
            throw new IllegalArgumentException(name + ": value name and help must not be blank");
        }
        this.name = name;
        this.valueName = valueName;
        this.help = help;
        this.kind = kind;
        this.range = range;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.parser = parser;
    }

    /** A whole number from {@code min} to {@code max} inclusive, e.g. {@code --workers 8}. */
    public static Flag integer(String name, String valueName, String help, int defaultValue, int min, int max) {
        if (min > max || defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " is outside " + min + ".." + max);
        }
        return new Flag(name, valueName, help, Kind.INTEGER, min + ".." + max, defaultValue,
                Integer.toString(defaultValue), text -> {
                    // ASCII digits only: Integer.parseInt would also take "+5" and Arabic-Indic digits.
                    if (!text.matches("-?[0-9]+")) {
                        throw new IllegalArgumentException(quote(text) + " is not a whole number");
                    }
                    long value;
                    try {
                        value = Long.parseLong(text);
                    } catch (NumberFormatException moreThan19Digits) {
                        value = Long.MAX_VALUE;
                    }
                    if (value < min || value > max) {
                        throw new IllegalArgumentException(quote(text) + " is outside " + min + ".." + max);
                    }
                    return (int) value;
                });
    }

    /** A duration written {@code 500ms}, {@code 5s}, {@code 2m} or {@code 0}; see {@link Durations}. */
    public static Flag duration(String name, String valueName, String help, Duration defaultValue) {
        String defaultText = Durations.format(defaultValue);   // refuses what no flag could express
        if (defaultValue.compareTo(Durations.MAX) > 0) {
            throw new IllegalArgumentException(name + ": default " + defaultText + " is over " + Durations.format(Durations.MAX));
        }
        return new Flag(name, valueName, help, Kind.DURATION, "", defaultValue, defaultText, Durations::parse);
    }

    /** {@code true} or {@code false}, spelled exactly so; {@code valueName} is usually {@code true|false}. */
    public static Flag bool(String name, String valueName, String help, boolean defaultValue) {
        return new Flag(name, valueName, help, Kind.BOOL, "", defaultValue, Boolean.toString(defaultValue), text ->
                switch (text) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException(quote(text) + " is not true or false");
                });
    }

    /** One of a fixed list of words, e.g. {@code --when-full wait|reject}. */
    public static Flag choice(String name, String valueName, String help, String defaultValue, List<String> choices) {
        List<String> allowed = List.copyOf(choices);
        if (!allowed.contains(defaultValue)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " is not one of " + allowed);
        }
        return new Flag(name, valueName, help, Kind.CHOICE, "", defaultValue, defaultValue, text -> {
            if (!allowed.contains(text)) {
                throw new IllegalArgumentException(quote(text) + " is not one of " + String.join(", ", allowed));
            }
            return text;
        });
    }

    /**
     * An existing directory, made absolute; no default. Package-private:
     * only the common {@code --directory} flag needs it.
     */
    static Flag directory(String name, String valueName, String help) {
        return new Flag(name, valueName, help, Kind.DIRECTORY, "", null, "none", text -> {
            Path dir;
            try {
                dir = Path.of(text).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(quote(text) + " is not a valid path");
            }
            if (!Files.exists(dir)) {
                throw new IllegalArgumentException(quote(text) + " does not exist");
            }
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(quote(text) + " is not a directory");
            }
            return dir;
        });
    }

    public String name() {
        return name;
    }

    /** How the value is written in the usage: {@code N}, {@code D}, {@code wait|reject}. */
    public String valueName() {
        return valueName;
    }

    /** What the flag means, in a few words. */
    public String help() {
        return help;
    }

    /** The accepted range, {@code 1..10000}, for integer flags; empty for the others. */
    public String range() {
        return range;
    }

    /** The default as the command line would write it; {@code none} for {@code --directory}. */
    public String defaultText() {
        return defaultText;
    }

    Kind kind() {
        return kind;
    }

    /** The value used when the flag is not given; {@code null} means "none". */
    Object defaultValue() {
        return defaultValue;
    }

    /**
     * Turns the text given for this flag into its value.
     *
     * @throws UsageException naming this flag and saying what is wrong
     */
    Object parse(String text) {
        Objects.requireNonNull(text);
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return name + " " + valueName;
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
