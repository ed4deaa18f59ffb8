package dev.serverlab.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server running in a child JVM, and what can be read about it from
 * outside: the kernel's view ({@code /proc/PID/status}), the JVM's
 * (native memory tracking, through {@code jcmd}) and the stage's own
 * ({@code /stats}).
 *
 * <p>Lifecycle: {@link #start} launches the same {@code java} as this JVM
 * with this JVM's class path, waits for the start-up line
 * ({@code ... listening on http://localhost:PORT/}); {@link #close} sends
 * SIGTERM and, after a few seconds, SIGKILL.
 */
final class ChildServer implements AutoCloseable {

    /** The system property that pins a child server to CPUs (see {@link #pinning()}). */
    static final String SERVER_CPUS = "serverlab.serverCpus";

    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)/");

    /**
     * One reading of the child, all sizes in KiB. {@code rssUntrimmedKiB}: resident before the
     * collection and trim of {@link #read}; every other figure is read after them.
     */
    record Reading(long rssUntrimmedKiB, long rssKiB, long vmSizeKiB, int threads, long stackReservedKiB, long stackCommittedKiB,
                   long heapCommittedKiB, long heapLiveKiB, long active, long liveThreads) {
    }

    private final Process process;
    private final int port;
    private final boolean jvm;

    private ChildServer(Process process, int port, boolean jvm) {
        this.process = process;
        this.port = port;
        this.jvm = jvm;
    }

    /** A JVM server with native memory tracking on, so {@link #read} can report its thread stacks. */
    static ChildServer start(List<String> jvmOptions, String mainClass, List<String> args) throws IOException {
        return start(jvmOptions, mainClass, args, true);
    }

    /**
     * A JVM server; {@code tracked}: with native memory tracking, which the footprint run reads and a
     * throughput run does without (it costs a little on every allocation of native memory).
     */
    static ChildServer start(List<String> jvmOptions, String mainClass, List<String> args, boolean tracked)
            throws IOException {
        List<String> command = new ArrayList<>(pinning());
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        if (tracked) {
            command.add("-XX:NativeMemoryTracking=summary");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        return start(command, true);
    }

    /**
     * {@code taskset -c CPUS} when the system property {@value #SERVER_CPUS} names the CPUs the server
     * may run on, else nothing. With the benchmark's own JVM started on the other CPUs
     * ({@code ./bench jmh} does both), client and server stop taking turns on the same cores:
     * the scheduler no longer decides how much of the machine each side gets, which is most of the
     * spread between one fork and the next.
     */
    private static List<String> pinning() {
        String cpus = System.getProperty(SERVER_CPUS, "");
        return cpus.isBlank() ? List.of() : List.of("taskset", "-c", cpus);
    }

    /** Any server process that prints the same start-up line: the Go peer. */
    static ChildServer start(List<String> command) throws IOException {
        return start(command, false);
    }

    private static ChildServer start(List<String> command, boolean jvm) throws IOException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                // Keep draining stdout so the child never blocks on a full pipe.
                Thread.ofVirtual().start(() -> drain(out));
                return new ChildServer(process, Integer.parseInt(m.group(1)), jvm);
            }
        }
        throw new IOException("child exited with " + waitFor(process) + " before its start-up line: " + command);
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // the child's later lines ("... stopped") are not needed
            }
        } catch (IOException closedByClose) {
            // close() destroyed the child: nothing more to read
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Everything at once; {@code /stats} figures are -1 for a peer, which has no {@code /stats}.
     *
     * <p>A JVM is first asked to hand back what it has already freed, so that RSS counts what the
     * process holds, not what it has let go of and the C library has kept: {@code GC.run} (a full
     * collection: the garbage of the connections' first requests goes, and G1 may uncommit the heap
     * it no longer needs) and {@code System.trim_native_heap} (glibc's {@code malloc_trim}: native
     * memory the JVM freed, such as the JIT compilers' arenas that grow while thousands of connections
     * open, goes back to the kernel instead of staying resident in glibc's free lists). Every JVM
     * server gets the same treatment before both readings; a Go process has neither and gets nothing.
     */
    Reading read(boolean hasStats) throws IOException, InterruptedException {
        // As the process left it, for comparison: what this benchmark reported before it trimmed.
        String untrimmed = ThreadBudget.readProc("/proc/" + pid() + "/status");
        // jcmd signals its target with SIGQUIT: only a JVM answers it; a Go process would dump and exit.
        String trimmed = jvm ? jcmd("GC.run") + jcmd("System.trim_native_heap") : "";
        if (jvm && !trimmed.contains("Trim native heap")) {
            throw new IOException("jcmd System.trim_native_heap did not trim: " + trimmed);
        }
        String status = jvm ? ThreadBudget.readProc("/proc/" + pid() + "/status") : untrimmed;
        String nmt = jvm ? jcmd("VM.native_memory", "summary") : "";
        // Live heap: what is left after the full collection above, so garbage between readings does not count.
        String heap = jvm ? jcmd("GC.heap_info") : "";
        String stats = hasStats ? stats() : "";
        return new Reading(number(untrimmed, "VmRSS:\\s+(\\d+) kB"),
                number(status, "VmRSS:\\s+(\\d+) kB"), number(status, "VmSize:\\s+(\\d+) kB"),
                (int) number(status, "Threads:\\s+(\\d+)"),
                number(nmt, "stack: reserved=(\\d+)KB"), number(nmt, "stack: reserved=\\d+KB, committed=(\\d+)KB"),
                number(nmt, "Java Heap \\(reserved=\\d+KB, committed=(\\d+)KB"),
                number(heap, "used (\\d+)K"),
                hasStats ? number(stats, "\"active\":(\\d+)") : -1,
                hasStats ? number(stats, "\"live_threads\":(\\d+)") : -1);
    }

    /**
     * What a parked virtual thread's stack costs: a parked virtual thread keeps its frames in
     * {@code jdk.internal.vm.StackChunk} objects on the heap; the class histogram counts them.
     */
    String stackChunks(int n) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("\\s(\\d+)\\s+(\\d+)\\s+jdk\\.internal\\.vm\\.StackChunk\\b")
                .matcher(jcmd("GC.class_histogram"));
        if (!m.find()) {
            return "no StackChunk objects (no parked virtual threads)";
        }
        long count = Long.parseLong(m.group(1));
        long bytes = Long.parseLong(m.group(2));
        return String.format(java.util.Locale.ROOT, "%,d StackChunk objects, %,d bytes: %.2f KiB per idle connection"
                + " (a parked virtual thread's stack)", count, bytes, bytes / 1024.0 / n);
    }

    /** The body of {@code GET /stats}, on a connection of its own. */
    String stats() throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            s.setSoTimeout(30_000);
            s.getOutputStream().write("GET /stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private String jcmd(String... command) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        List<String> cmd = new ArrayList<>(List.of(java.resolveSibling("jcmd").toString(), Long.toString(pid())));
        cmd.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int waitFor(Process p) {
        try {
            return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

}
