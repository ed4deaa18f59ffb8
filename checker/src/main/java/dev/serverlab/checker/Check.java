package dev.serverlab.checker;

import java.io.PrintStream;

/**
 * {@code ./check}: runs a stage's contracts against any HTTP server, started
 * as a command or already running, and says which checks pass.
 *
 * <p>Layout of this package: {@link CheckOptions} (the command line),
 * {@link StageClaims} (which suites each stage claims, with which flags),
 * {@link CheckRunner} (groups, the first-answer check, the JUnit launcher),
 * the {@code *Check} classes (one per contract suite),
 * {@link ExternalServer} (a command as a {@code StageServer}),
 * {@link ReportingListener} and {@link FailureReport} (the output),
 * {@link Hints}, {@link CheckList} ({@code --list}).
 */
public final class Check {

    private Check() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the checker; returns the exit status: 0 all passed, 1 a check failed, 2 a bad command line. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CheckOptions options;
        try {
            options = CheckOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("check: " + e.getMessage());
            err.println(CheckOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(CheckOptions.USAGE);
            return 0;
        }
        if (options.list()) {
            new CheckList(out).print(options.stage());
            return 0;
        }
        String stage = options.stage().orElseThrow();
        ReportingListener.Tally tally = new CheckRunner(out).run(stage, options.target().orElseThrow(), options.only());
        if (tally.passed + tally.failed + tally.skipped == 0) {
            err.println("check: no check of stage " + stage + " matches --only " + options.only().orElse(""));
            return 2;
        }
        out.println(tally.summary());
        return tally.failed == 0 ? 0 : 1;
    }
}
