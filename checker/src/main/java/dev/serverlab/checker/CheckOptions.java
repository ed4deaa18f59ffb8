package dev.serverlab.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code ./check}, parsed; a mistake is a
 * {@link IllegalArgumentException} whose message is the one-line reason.
 *
 * @param stage   "01".."08", or empty with {@code --list} alone
 * @param target  the command to start (with {@code {port}}) or the port of a running server
 * @param only    a piece of the check names to run
 * @param list    print the stages' checks instead of running them
 * @param help    print the usage
 */
record CheckOptions(Optional<String> stage, Optional<CheckContext.Target> target, Optional<String> only,
                    boolean list, boolean help) {

    static final String USAGE = """
            usage: ./check NN -- COMMAND...      start COMMAND ({port} replaced) for each check of stage NN
                   ./check NN --port P           check the server already listening on port P
                   ./check NN --only NAME ...    only the checks whose name contains NAME
                   ./check --list [NN]           the stages' groups, flags and checks
                   ./check --help
            e.g.   ./check 06 -- ./serve 06 --port {port}
                   ./check 03 -- go run ./server.go -port {port}
            Exit status: 0 when every check passed, 1 when one failed, 2 for a bad command line.""";

    static CheckOptions parse(String[] args) {
        Optional<String> stage = Optional.empty();
        Optional<String> only = Optional.empty();
        Integer port = null;
        List<String> command = null;
        boolean list = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--" -> {
                    command = new ArrayList<>(List.of(args).subList(i + 1, args.length));
                    i = args.length;
                }
                case "-h", "--help" -> help = true;
                case "--list" -> list = true;
                case "--only" -> only = Optional.of(value(args, ++i, "--only"));
                case "--port" -> port = port(value(args, ++i, "--port"));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    if (stage.isPresent()) {
                        throw new IllegalArgumentException("one stage at a time; put the server's command after --");
                    }
                    stage = Optional.of(stage(arg));
                }
            }
        }
        if (help || list) {
            return new CheckOptions(stage, Optional.empty(), only, list, help);
        }
        if (stage.isEmpty()) {
            throw new IllegalArgumentException("which stage? e.g. ./check 01 -- COMMAND");
        }
        if (command != null && port != null) {
            throw new IllegalArgumentException("either --port or a command after --, not both");
        }
        if (port != null) {
            return new CheckOptions(stage, Optional.of(CheckContext.Target.port(port)), only, false, false);
        }
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("no server: give its command after -- (with {port}), or --port P");
        }
        if (command.stream().noneMatch(a -> a.contains("{port}"))) {
            throw new IllegalArgumentException("the command must contain {port}, where each check's free port goes");
        }
        return new CheckOptions(stage, Optional.of(CheckContext.Target.command(command)), only, false, false);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port wants a port from 1 to 65535, not " + text);
    }

    /** 6, 06 and 06-keepalive-idle all name stage 06. */
    private static String stage(String text) {
        String number = text.replaceFirst("-.*", "");
        if (number.matches("\\d{1,2}")) {
            String nn = String.format("%02d", Integer.parseInt(number));
            if (StageClaims.stages().containsKey(nn)) {
                return nn;
            }
        }
        throw new IllegalArgumentException("no stage \"" + text + "\"; stages are "
                + String.join(", ", StageClaims.stages().keySet()));
    }
}
