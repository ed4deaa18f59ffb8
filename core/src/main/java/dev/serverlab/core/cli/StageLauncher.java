package dev.serverlab.core.cli;

import dev.serverlab.core.net.StageServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What every stage's {@code main} does: read the flags, build the server,
 * start it, say where it listens, and stop it cleanly on SIGTERM or Ctrl-C.
 *
 * <h2>Lifecycle</h2>
 *
 * <pre>
 *  parse flags ──(--help)──────────► usage on stdout,           exit 0
 *       │ ──(usage error)──────────► reason + usage on stderr,  exit 2
 *       ▼
 *  factory → server.start() ─(port taken, or any I/O error)───► one line on stderr, exit 1
 *       ▼
 *  trap TERM and INT, print the start-up line
 *       ▼
 *  server.awaitTermination() ◄── a signal calls server.shutdown(drainTimeout) on its own thread
 *       ▼                         (or the server stops by itself, as stage 01 does)
 *  wait for the drain, print "STAGE stopped", exit 0
 * </pre>
 *
 * <h2>The start-up line</h2>
 *
 * <p>Once the port is bound, exactly one line goes to stdout, and tests and
 * scripts parse it (see {@link #LISTENING}):
 *
 * <pre>
 * 02-sequential listening on http://localhost:4221/ (files: /tmp/x)
 * 02-sequential listening on http://localhost:4221/ (files: off)
 * </pre>
 *
 * With {@code --port 0} the line carries the port the OS picked. Nothing
 * else is printed to stdout before it.
 */
public final class StageLauncher {

    /** Exit status for a bad command line, as for most Unix tools. */
    public static final int EXIT_USAGE = 2;
    /** Exit status when the server cannot start, e.g. its port is taken. */
    public static final int EXIT_FAILED = 1;

    /** Finds the bound port in the start-up line: group 1. */
    public static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)/");

    private StageLauncher() {
    }

    /** Runs a stage and exits the JVM with {@link #run}'s status. */
    public static void launch(String stage, String summary, String[] args, List<Flag> flags,
                              Function<Options, StageServer> factory) {
        System.exit(run(stage, summary, args, flags, factory, System.out, System.err));
    }

    /**
     * Runs a stage until it stops, and returns the exit status: 0 after a
     * clean stop or {@code --help}, {@value #EXIT_FAILED} if the server cannot
     * start, {@value #EXIT_USAGE} for a bad command line.
     *
     * @param stage   the stage's module name, e.g. {@code 02-sequential}
     * @param summary one line saying what the stage is, for the usage
     * @param flags   the stage's own flags; the common ones are added
     * @param factory builds the (not yet started) server; it may throw
     *                {@link UsageException} for a rule that spans flags
     */
    public static int run(String stage, String summary, String[] args, List<Flag> flags,
                          Function<Options, StageServer> factory, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(stage, summary, flags);
        if (CommandLine.asksForHelp(args)) {
            out.print(commandLine.usage());
            out.flush();
            return 0;
        }
        Options options;
        StageServer server;
        try {
            options = commandLine.parse(args);
            server = factory.apply(options);
        } catch (UsageException e) {
            err.println(stage + ": " + e.getMessage());
            err.print(commandLine.usage());
            err.flush();
            return EXIT_USAGE;
        }

        try {
            server.start();
        } catch (BindException e) {
            // Usually "Address already in use"; also "Permission denied" for ports below 1024.
            err.println(stage + ": cannot listen on port " + options.port() + ": " + e.getMessage()
                    + " (--port 0 picks a free port)");
            return EXIT_FAILED;
        } catch (IOException e) {
            err.println(stage + ": cannot start: " + e);
            return EXIT_FAILED;
        }

        Duration drain = options.serverConfig().drainTimeout();
        try (ShutdownSignals signals = ShutdownSignals.trap(signal -> {
            out.println(stage + " stopping on " + signal + ": draining for up to " + Durations.format(drain));
            server.shutdown(drain);
        })) {
            // The handlers are in place before the line that tells the world we are up.
            out.println(startupLine(stage, server.port(), options.directory()));
            out.flush();
            try {
                server.awaitTermination();
                signals.awaitStop();    // awaitTermination may return before the drain has finished
            } catch (InterruptedException e) {
                // Nobody interrupts main in a real run; a test might. Treat it as a stop request.
                server.shutdown(drain);
                Thread.currentThread().interrupt();
            }
            // Before close(): if the fallback hook is what stopped us, the JVM halts once it is released.
            out.println(stage + " stopped");
            out.flush();
        }
        return 0;
    }

    /** The line documented above, e.g. {@code 02-sequential listening on http://localhost:4221/ (files: off)}. */
    static String startupLine(String stage, int port, Optional<Path> directory) {
        return stage + " listening on http://localhost:" + port + "/ (files: "
                + directory.map(Path::toString).orElse("off") + ")";
    }
}
