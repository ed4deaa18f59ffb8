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
 * <p>A stage's {@code Main} is one call to
 * {@link dev.serverlab.core.cli.StageLauncher#launch}: the stage's name, a
 * line on its idea, the arguments, the flags of that idea, and how to build
 * the server from the parsed options. Read a real one rather than a copy
 * here, which would go stale: stage 05's,
 * {@code 05-thread-pool/src/main/java/dev/serverlab/threadpool/Main.java}
 * (the tutorial's drift test fails if that path stops existing).
 */
package dev.serverlab.core.cli;
