/**
 * The command line every stage shares: flags in, a running server, a clean
 * exit on SIGTERM or Ctrl-C.
 *
 * <h2>Layout</h2>
 * <ul>
 *   <li>{@link dev.serverlab.core.cli.StageLauncher} — a stage's whole
 *       {@code main}: parse, start, print the start-up line, wait, drain, exit.
 *   <li>{@link dev.serverlab.core.cli.Flag} — one flag a stage declares
 *       (integer, duration, true|false, choice).
 *   <li>{@code CommandLine} — the common flags ({@code --port},
 *       {@code --directory}, {@code --help}), the parsing rules, the usage text.
 *   <li>{@link dev.serverlab.core.cli.Options} — the parsed values, typed,
 *       and the {@link dev.serverlab.core.net.ServerConfig} they describe.
 *   <li>{@link dev.serverlab.core.cli.Durations} — {@code 500ms}, {@code 5s},
 *       {@code 2m}, {@code 0}, both ways.
 *   <li>{@link dev.serverlab.core.cli.UsageException} — a bad command line:
 *       exit 2, one reason line, the usage.
 *   <li>{@code ShutdownSignals} — SIGTERM and SIGINT become a graceful stop
 *       with exit status 0 rather than the JVM's 143 or 130.
 * </ul>
 *
 * <p>A stage's {@code Main} is one call:
 * <pre>{@code
 * StageLauncher.launch("05-thread-pool", "a fixed pool of workers with a bounded queue", args,
 *         List.of(Flag.integer("--workers", "N", "worker threads", 4, 1, 10_000),
 *                 Flag.duration("--read-timeout", "D", "deadline for reading one request; 0 = none",
 *                         Duration.ofSeconds(10))),
 *         options -> new ThreadPoolServer(options.serverConfig(), options.integer("--workers"),
 *                 options.duration("--read-timeout")));
 * }</pre>
 */
package dev.serverlab.core.cli;
