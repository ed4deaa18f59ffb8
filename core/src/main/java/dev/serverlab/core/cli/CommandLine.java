package dev.serverlab.core.cli;

import dev.serverlab.core.net.ServerConfig;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stage's command line: the common flags plus the stage's own, how an
 * argument list is read into {@link Options}, and the usage text.
 *
 * <p>The rules, all checked here so that every stage behaves alike:
 * <ul>
 *   <li>a flag's value follows it, {@code --port 8080}, or is joined with
 *       {@code =}, {@code --port=8080};
 *   <li>{@code --help} or {@code -h} anywhere asks for the usage, whatever
 *       else is on the line;
 *   <li>an unknown flag, a flag with no value (nothing follows it, or the
 *       next argument is itself a {@code --flag}), a bad value, a flag given
 *       twice, or any argument that is not a flag is a {@link UsageException}.
 * </ul>
 * A value that starts with {@code --} can still be given with {@code =}.
 */
final class CommandLine {

    static final Flag PORT = Flag.integer("--port", "N", "port to listen on; 0 picks a free one",
            ServerConfig.DEFAULT_PORT, 0, 65_535);
    static final Flag DIRECTORY = Flag.directory("--directory", "DIR",
            "where GET and POST /files/ read and write");

    private static final String HELP = "--help";
    private static final String HELP_SHORT = "-h";

    private final String stage;
    private final String summary;
    private final Map<String, Flag> flags = new LinkedHashMap<>();   // in usage order

    /**
     * @throws IllegalArgumentException if a stage flag reuses a name, its own
     *                                  or a common flag's: a programming error
     */
    CommandLine(String stage, String summary, List<Flag> stageFlags) {
        this.stage = stage;
        this.summary = summary;
        flags.put(PORT.name(), PORT);
        flags.put(DIRECTORY.name(), DIRECTORY);
        for (Flag flag : stageFlags) {
            if (flag.name().equals(HELP) || flags.putIfAbsent(flag.name(), flag) != null) {
                throw new IllegalArgumentException(stage + ": flag " + flag.name()
                        + " is declared twice (--port, --directory and --help come with every stage)");
            }
        }
    }

    /** Whether the arguments ask for the usage: {@code --help} or {@code -h} anywhere. */
    static boolean asksForHelp(String[] args) {
        return List.of(args).contains(HELP) || List.of(args).contains(HELP_SHORT);
    }

    /**
     * Reads the arguments; flags not given get their defaults.
     *
     * @throws UsageException for the first thing wrong, read left to right
     */
    Options parse(String[] args) {
        Map<String, Object> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.equals("--")) {
                throw new UsageException(arg.matches("-[^-].*")
                        ? "unknown flag " + arg + "; flags are spelled --name, except -h"
                        : "unexpected argument \"" + arg + "\"; every argument is a --flag or its value");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (name.equals(HELP)) {
                throw new UsageException(HELP + ": takes no value");   // only "--help=..." gets here
            }
            Flag flag = flags.get(name);
            if (flag == null) {
                throw new UsageException("unknown flag " + name + "; " + HELP + " lists them");
            }
            if (given.containsKey(name)) {
                throw new UsageException(name + ": given twice");
            }
            String text = null;
            if (eq >= 0) {
                text = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                text = args[++i];
            }
            if (text == null || text.isEmpty()) {
                throw new UsageException(name + ": missing value; write " + name + " " + flag.valueName());
            }
            given.put(name, flag.parse(text));
        }
        Map<String, Object> values = new HashMap<>();
        for (Flag flag : flags.values()) {
            Object value = given.containsKey(flag.name()) ? given.get(flag.name()) : flag.defaultValue();
            if (value != null) {
                values.put(flag.name(), value);
            }
        }
        return new Options(flags, values);
    }

    /** The usage: what the stage is, then one line per flag, aligned. */
    String usage() {
        int width = HELP_SHORT.length() + 2 + HELP.length();
        for (Flag flag : flags.values()) {
            width = Math.max(width, flag.toString().length());
        }
        StringBuilder text = new StringBuilder()
                .append("usage: ").append(stage).append(" [--flag value]...\n")
                .append(summary).append("\n\n")
                .append("flags (write --flag value or --flag=value):\n");
        boolean anyDuration = false;
        for (Flag flag : flags.values()) {
            String bounds = flag.range().isEmpty() ? "" : flag.range() + ", ";
            line(text, width, flag.toString(), flag.help() + " (" + bounds + "default " + flag.defaultText() + ")");
            anyDuration |= flag.kind() == Flag.Kind.DURATION;
        }
        line(text, width, HELP_SHORT + ", " + HELP, "print this help and exit");
        if (anyDuration) {
            text.append("durations are written 500ms, 5s or 2m; 0 means none\n");
        }
        return text.toString();
    }

    private static void line(StringBuilder text, int width, String left, String right) {
        text.append("  ").append(left).append(" ".repeat(width - left.length() + 2)).append(right).append('\n');
    }
}
