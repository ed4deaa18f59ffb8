package dev.serverlab.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a command line can be wrong, run through {@link StageLauncher#run}:
 * each exits 2 with one line {@code STAGE: reason} naming what is at fault,
 * then the usage, all on stderr; nothing on stdout, and no server is built.
 */
class StageLauncherUsageTest {

    private static final String STAGE = "05-thread-pool";

    @TempDir
    static Path tmp;

    static Stream<Arguments> badCommandLines() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        String missing = tmp.resolve("missing").toString();
        return Stream.of(
                bad("unknown flag --wokers; --help lists them", "--wokers", "2"),
                bad("unknown flag --wokers; --help lists them", "--wokers=2"),
                bad("unknown flag -p; flags are spelled --name, except -h", "-p", "80"),
                bad("unexpected argument \"serve\"; every argument is a --flag or its value", "serve"),
                bad("unexpected argument \"8080\"; every argument is a --flag or its value", "--port", "80", "8080"),
                bad("unexpected argument \"--\"; every argument is a --flag or its value", "--"),
                bad("unexpected argument \"-\"; every argument is a --flag or its value", "-"),
                bad("--port: missing value; write --port N", "--port"),
                bad("--port: missing value; write --port N", "--port", "--workers", "2"),
                bad("--port: missing value; write --port N", "--port="),
                bad("--port: missing value; write --port N", "--port", ""),
                bad("--port: \"http\" is not a whole number", "--port", "http"),
                bad("--port: \"65536\" is outside 0..65535", "--port=65536"),
                bad("--port: given twice", "--port", "1", "--port", "2"),
                bad("--port: given twice", "--port=1", "--port=1"),
                bad("--workers: \"0\" is outside 1..10000", "--workers", "0"),
                bad("--workers: \"4.5\" is not a whole number", "--workers", "4.5"),
                bad("--queue: \"-1\" is outside 0..1000000", "--queue", "-1"),
                bad("--read-timeout: \"10\" has no unit; write 10ms, 10s or 10m", "--read-timeout", "10"),
                bad("--read-timeout: \"1h\" has an unknown unit; use ms, s or m", "--read-timeout=1h"),
                bad("--read-timeout: \"-1s\" is negative; write 0 for no timeout", "--read-timeout=-1s"),
                bad("--keep-alive: \"yes\" is not true or false", "--keep-alive", "yes"),
                bad("--when-full: \"drop\" is not one of wait, reject", "--when-full=drop"),
                bad("--directory: \"" + missing + "\" does not exist", "--directory", missing),
                bad("--directory: \"" + file + "\" is not a directory", "--directory=" + file),
                bad("--help: takes no value", "--help=yes"),
                // The first mistake, left to right, is the one reported.
                bad("--workers: \"x\" is not a whole number", "--workers", "x", "--port", "y"));
    }

    private static Arguments bad(String reason, String... args) {
        return Arguments.of(List.of(args), reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCommandLines")
    void exitsTwoWithOneReasonLineThenTheUsage(List<String> args, String reason) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var built = new AtomicBoolean();

        int status = StageLauncher.run(STAGE, "a fixed pool of workers with a bounded queue",
                args.toArray(String[]::new), CommandLineTest.THREAD_POOL_FLAGS,
                options -> {
                    built.set(true);
                    return new FakeStageServer(options.serverConfig(), true);
                },
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String usage = new CommandLine(STAGE, "a fixed pool of workers with a bounded queue",
                CommandLineTest.THREAD_POOL_FLAGS).usage();
        assertThat(status).isEqualTo(StageLauncher.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(STAGE + ": " + reason + System.lineSeparator() + usage);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(built).isFalse();
    }
}
