package dev.serverlab.checker;

import dev.serverlab.core.app.ServerStats;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.StatsJson;
import dev.serverlab.testkit.StatsSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;

/**
 * A server in a process of its own, as the contracts see a {@link StageServer}.
 *
 * <p>Lifecycle of a launched server: {@link #start()} picks a free port,
 * runs the command with {@code {port}} replaced and the flags appended, and
 * returns once the port listens, found without connecting (see
 * {@link ListeningSockets}); {@link #shutdown} sends SIGTERM, waits for the
 * drain, then kills what is left. Its output is kept for failure reports.
 *
 * <p>Attached to a server already running ({@code ./check NN --port P}), it
 * starts and stops nothing, and a check that needs flags of its own is
 * skipped with the flags it would need.
 *
 * <p>Counters come from {@code GET /stats} on a connection of the checker's
 * own, which the server counts too: {@link #snapshot()} leaves those out.
 */
final class ExternalServer implements StageServer, StatsSource {

    /** A server that needs longer than this to listen is reported as not starting (./serve may build first). */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** After SIGTERM and the drain, how long the process gets to exit before it is killed. */
    private static final Duration GRACE = Duration.ofSeconds(3);
    private static final Duration STATS_TIMEOUT = Duration.ofSeconds(10);

    private final List<String> command; // empty when attached
    private final List<String> flags;
    private Process process;
    private OutputTail output;
    private int port;
    private long pid = -1;
    private boolean stopping;
    /** Counters before the checks began, this checker's own probe included; zeros for a fresh server. */
    private ServerStats.Snapshot base = new ServerStats.Snapshot(0, 0, 0, 0, 0, 0);
    private int probes;

    private ExternalServer(List<String> command, List<String> flags, int port) {
        this.command = List.copyOf(command);
        this.flags = List.copyOf(flags);
        this.port = port;
    }

    /** A server to start with {@code command} ({@code {port}} replaced) followed by {@code flags}. */
    static ExternalServer launching(List<String> command, List<String> flags) {
        return new ExternalServer(command, flags, 0);
    }

    /**
     * The server already listening on {@code port}. A check that asks for flags
     * (other than {@code --directory}, which such a server ignores) cannot be
     * run against it and is skipped.
     */
    static ExternalServer attachedTo(int port, List<String> checkFlags) {
        List<String> needed = new ArrayList<>(checkFlags);
        int dir = needed.indexOf("--directory");
        if (dir >= 0) {
            needed.subList(dir, dir + 2).clear();
        }
        if (!needed.isEmpty()) {
            throw new TestAbortedException("needs a server started with " + String.join(" ", needed)
                    + "; give ./check the command instead of --port to run it");
        }
        return new ExternalServer(List.of(), List.of(), port);
    }

    private boolean attached() {
        return command.isEmpty();
    }

    @Override
    public void start() throws IOException {
        if (attached()) {
            pid = ListeningSockets.listeningPid(port).orElse(-1);
            base = raw();
            probes = 0;
            return;
        }
        port = freePort();
        List<String> line = new ArrayList<>();
        for (String arg : command) {
            line.add(arg.replace("{port}", Integer.toString(port)));
        }
        line.addAll(flags);
        process = new ProcessBuilder(line).redirectErrorStream(true).start();
        output = OutputTail.of(process.getInputStream());
        awaitListening(line);
        pid = ListeningSockets.listeningPid(port).orElse(process.pid());
    }

    private void awaitListening(List<String> line) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!ListeningSockets.isListening(port)) {
            if (!process.isAlive()) {
                throw new ServerNotListening("the server exited with status " + process.exitValue()
                        + " before listening on port " + port + "\n    command: " + String.join(" ", line)
                        + outputText("    "));
            }
            if (System.nanoTime() > deadline) {
                stopNow();
                throw new ServerNotListening("nothing listened on port " + port + " within "
                        + START_TIMEOUT.toSeconds() + " s; does the server bind the port it is given?"
                        + "\n    command: " + String.join(" ", line) + outputText("    "));
            }
            try {
                Thread.sleep(20); // polling /proc: nothing to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the server to listen", e);
            }
        }
    }

    @Override
    public int port() {
        return port;
    }

    /** Not available: the server's counters live in another process. Use {@link StatsSource#of}. */
    @Override
    public ServerStats stats() {
        throw new UnsupportedOperationException("an external server's counters come from GET /stats");
    }

    /**
     * {@code GET /stats} on a connection of its own, minus what the checker's
     * own requests added: every probe so far was one accepted connection and
     * one request, and this one is still active while it is answered.
     */
    @Override
    public ServerStats.Snapshot snapshot() {
        probes++;
        ServerStats.Snapshot now = raw();
        int threads = pid >= 0 ? ListeningSockets.threadsOf(pid) : -1;
        return new ServerStats.Snapshot(now.accepted() - base.accepted() - probes,
                now.active() - base.active() - (attached() ? 0 : 1), now.requests() - base.requests() - probes,
                now.rejected() - base.rejected(), now.timedOut() - base.timedOut(), threads);
    }

    private ServerStats.Snapshot raw() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) STATS_TIMEOUT.toMillis());
            socket.setSoTimeout((int) STATS_TIMEOUT.toMillis());
            socket.getOutputStream().write("GET /stats HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8); // until the close it asked for
            String json = response.substring(response.indexOf("\r\n\r\n") + 4);
            return new ServerStats.Snapshot(StatsJson.field(json, "accepted"), StatsJson.field(json, "active"),
                    StatsJson.field(json, "requests"), StatsJson.field(json, "rejected"),
                    StatsJson.field(json, "timed_out"), (int) StatsJson.field(json, "live_threads"));
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("GET /stats failed (" + e + "); the check reads the server's counters there,"
                    + " as a JSON object with accepted, active, requests, rejected, timed_out and live_threads", e);
        }
    }

    /** SIGTERM, up to the drain plus a grace period to exit, then kill. Nothing for an attached server. */
    @Override
    public void shutdown(Duration drainTimeout) {
        if (attached() || process == null || stopping) {
            return;
        }
        stopping = true;
        process.descendants().forEach(ProcessHandle::destroy); // `go run` and the like: the server is a child
        // Through the handle: Process.destroy() also closes the output pipe, and a
        // server dying at that moment would lose its last words (the stack trace).
        process.toHandle().destroy();
        try {
            if (!process.waitFor(drainTimeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)) {
                stopNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopNow();
        }
    }

    private void stopNow() {
        stopping = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.toHandle().destroyForcibly(); // the signal only; the pipe drains to its end (see shutdown)
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        if (process != null) {
            process.waitFor();
        }
    }

    /**
     * The exit status if the process has ended with one that tells of a
     * failure: not 0 (a clean exit; stage 01 ends after its one connection),
     * not 143 or 137 (SIGTERM or SIGKILL, the checker stopping it). A crash
     * seen only once the check stops the server still counts.
     */
    OptionalInt failedExit() {
        if (process == null || process.isAlive()) {
            return OptionalInt.empty();
        }
        int status = process.exitValue();
        return status == 0 || status == 143 || status == 137 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** The server's last lines of output, indented, or nothing. */
    String outputText(String indent) {
        if (output == null) {
            return "";
        }
        output.awaitEnd(Duration.ofSeconds(1)); // a dying server's last words may still be in the pipe
        List<String> lines = output.last(15);
        if (lines.isEmpty()) {
            return "\n" + indent + "(the server printed nothing)";
        }
        StringBuilder sb = new StringBuilder("\n" + indent + "its last output:");
        for (String l : lines) {
            sb.append('\n').append(indent).append("  | ").append(l);
        }
        return sb.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The server could not be started: a failure of the check, with the server's own words. */
    static final class ServerNotListening extends AssertionError {
        ServerNotListening(String message) {
            super(message);
        }
    }
}
