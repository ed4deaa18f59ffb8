package dev.serverlab.checker;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the checker inside the test JVM, its output captured, never
 * printed: a line like "3 passed, 5 failed" in the build log would read as
 * the build's own verdict. Servers are started as child JVMs from this
 * test's class path, where every stage and the broken fixture live.
 *
 * @param status the exit status {@link Check#run} returned
 * @param out    everything it printed on stdout
 * @param err    everything it printed on stderr
 */
record CheckerRun(int status, String out, String err) {

    /** {@code ./check STAGE ARGS... -- java -cp CP MAIN MAIN_ARGS... --port {port}}. */
    static CheckerRun check(String stage, List<String> checkArgs, Class<?> main, String... mainArgs) {
        List<String> args = new ArrayList<>(List.of(stage));
        args.addAll(checkArgs);
        args.add("--");
        args.addAll(javaCommand(main));
        args.addAll(List.of(mainArgs));
        args.addAll(List.of("--port", "{port}"));
        return run(args.toArray(String[]::new));
    }

    static CheckerRun run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Check.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CheckerRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The same java and class path as this test; a quick-starting JVM, since every check starts one. */
    private static List<String> javaCommand(Class<?> main) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
                "-cp", System.getProperty("java.class.path"), main.getName());
    }

    /** The output lines that report a check's outcome. */
    List<String> lines(String outcome) {
        return out.lines().filter(l -> l.endsWith(outcome) || l.contains(" … " + outcome)).toList();
    }

    @Override
    public String toString() { // what AssertJ shows when an assertion on the run fails
        return "exit " + status + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
