package dev.serverlab.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlab.core.http.HttpLimits;
import dev.serverlab.core.net.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a good command line into {@link Options}, and the usage text.
 * Bad command lines are in {@link StageLauncherUsageTest}, run end to end.
 */
class CommandLineTest {

    static final List<Flag> THREAD_POOL_FLAGS = List.of(
            Flag.integer("--workers", "N", "worker threads", 4, 1, 10_000),
            Flag.integer("--queue", "N", "connections waiting for a worker", 16, 0, 1_000_000),
            Flag.duration("--read-timeout", "D", "deadline for reading one request; 0 = none", Duration.ofSeconds(10)),
            Flag.bool("--keep-alive", "true|false", "persistent connections", true),
            Flag.choice("--when-full", "wait|reject", "what to do at the limit", "wait", List.of("wait", "reject")));

    private final CommandLine commandLine =
            new CommandLine("05-thread-pool", "a fixed pool of workers with a bounded queue", THREAD_POOL_FLAGS);

    @Test
    void noArgumentsGiveEveryDefault() {
        Options options = commandLine.parse(new String[0]);
        assertThat(options.port()).isEqualTo(4221);
        assertThat(options.directory()).isEmpty();
        assertThat(options.integer("--workers")).isEqualTo(4);
        assertThat(options.integer("--queue")).isEqualTo(16);
        assertThat(options.duration("--read-timeout")).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.bool("--keep-alive")).isTrue();
        assertThat(options.choice("--when-full")).isEqualTo("wait");
        assertThat(options.serverConfig()).isEqualTo(
                new ServerConfig(4221, Optional.empty(), HttpLimits.DEFAULTS, ServerConfig.DEFAULT_DRAIN_TIMEOUT));
    }

    @Test
    void valuesFollowTheFlagOrJoinItWithEquals(@TempDir Path dir) {
        Options options = commandLine.parse(new String[] {
            "--port", "0", "--workers=8", "--queue", "0", "--read-timeout=500ms",
            "--keep-alive", "false", "--when-full=reject", "--directory", dir.toString()});
        assertThat(options.port()).isZero();
        assertThat(options.integer("--workers")).isEqualTo(8);
        assertThat(options.integer("--queue")).isZero();
        assertThat(options.duration("--read-timeout")).isEqualTo(Duration.ofMillis(500));
        assertThat(options.bool("--keep-alive")).isFalse();
        assertThat(options.choice("--when-full")).isEqualTo("reject");
        assertThat(options.serverConfig()).isEqualTo(ServerConfig.onPort(0).withDirectory(dir.toAbsolutePath()));
    }

    @Test
    void directoryIsMadeAbsoluteAndNormal(@TempDir Path dir) {
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("."));
        Options options = commandLine.parse(new String[] {"--directory=" + relative});
        assertThat(options.directory()).contains(dir.toAbsolutePath().normalize());
    }

    @Test
    void onlyTheFirstEqualsSplitsNameFromValue(@TempDir Path dir) throws Exception {
        Path odd = java.nio.file.Files.createDirectory(dir.resolve("a=b"));
        assertThat(commandLine.parse(new String[] {"--directory=" + odd}).directory()).contains(odd);
    }

    @Test
    void aNegativeNumberIsAValueNotAFlag() {
        assertThatThrownBy(() -> commandLine.parse(new String[] {"--port", "-1"}))
                .hasMessage("--port: \"-1\" is outside 0..65535");
    }

    @Test
    void helpIsFoundAnywhere() {
        assertThat(CommandLine.asksForHelp(new String[] {"--help"})).isTrue();
        assertThat(CommandLine.asksForHelp(new String[] {"--workers", "nonsense", "-h"})).isTrue();
        assertThat(CommandLine.asksForHelp(new String[] {"--workers", "2"})).isFalse();
        assertThat(CommandLine.asksForHelp(new String[] {"--help=yes"})).isFalse();
    }

    @Test
    void gettersRefuseUndeclaredFlagsAndTheWrongKind() {
        Options options = commandLine.parse(new String[0]);
        assertThatThrownBy(() -> options.integer("--wokers"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no flag --wokers");
        assertThatThrownBy(() -> options.duration("--workers"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--workers is not a duration flag; read it with options.integer(\"--workers\")");
    }

    @Test
    void aStageCannotRedeclareACommonFlagOrItsOwn() {
        Flag port = Flag.integer("--port", "N", "again", 1, 1, 2);
        Flag help = Flag.bool("--help", "true|false", "again", false);
        Flag twice = Flag.integer("--workers", "N", "again", 1, 1, 2);
        assertThatThrownBy(() -> new CommandLine("x", "x", List.of(port))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommandLine("x", "x", List.of(help))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommandLine("x", "x", List.of(twice, twice)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usageListsCommonFlagsThenTheStagesWithRangesAndDefaults() {
        assertThat(commandLine.usage()).isEqualTo("""
                usage: 05-thread-pool [--flag value]...
                a fixed pool of workers with a bounded queue

                flags (write --flag value or --flag=value):
                  --port N                 port to listen on; 0 picks a free one (0..65535, default 4221)
                  --directory DIR          where GET and POST /files/ read and write (default none)
                  --workers N              worker threads (1..10000, default 4)
                  --queue N                connections waiting for a worker (0..1000000, default 16)
                  --read-timeout D         deadline for reading one request; 0 = none (default 10s)
                  --keep-alive true|false  persistent connections (default true)
                  --when-full wait|reject  what to do at the limit (default wait)
                  -h, --help               print this help and exit
                durations are written 500ms, 5s or 2m; 0 means none
                """);
    }

    @Test
    void usageWithoutDurationFlagsSaysNothingAboutDurations() {
        assertThat(new CommandLine("02-sequential", "the accept loop", List.of()).usage()).isEqualTo("""
                usage: 02-sequential [--flag value]...
                the accept loop

                flags (write --flag value or --flag=value):
                  --port N         port to listen on; 0 picks a free one (0..65535, default 4221)
                  --directory DIR  where GET and POST /files/ read and write (default none)
                  -h, --help       print this help and exit
                """);
    }
}
