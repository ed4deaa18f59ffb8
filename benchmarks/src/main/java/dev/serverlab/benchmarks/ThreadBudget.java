package dev.serverlab.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many platform threads a footprint run may ask one child JVM for
 * without endangering the machine it shares. Three kernel limits bound
 * threads: the user's process limit ({@code ulimit -u}, which counts every
 * thread of every process of the user), the system's
 * {@code kernel/threads-max}, and {@code vm.max_map_count}, because each
 * thread stack is a memory mapping and its guard page splits it in two.
 * The budget keeps half of each for everyone else.
 */
final class ThreadBudget {

    private ThreadBudget() {
    }

    static int safePlatformThreads() {
        long maxProcesses = limit("Max processes");
        long threadsMax = read("/proc/sys/kernel/threads-max");
        long maxMaps = read("/proc/sys/vm/max_map_count");
        long budget = Math.min(maxProcesses / 2, Math.min(threadsMax / 2, maxMaps / 3));
        return (int) Math.min(budget, Integer.MAX_VALUE);
    }

    private static long limit(String name) {
        try {
            Matcher m = Pattern.compile(name + "\\s+(\\d+|unlimited)").matcher(readProc("/proc/self/limits"));
            return m.find() && !m.group(1).equals("unlimited") ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
        } catch (IOException e) {
            return 4_096;   // not Linux: stay modest
        }
    }

    private static long read(String file) {
        try {
            return Long.parseLong(readProc(file).trim());
        } catch (IOException | NumberFormatException e) {
            return 12_288;
        }
    }

    /** Not {@code Files.readString}: a {@code /proc/sys} file reports a size that truncates it (65530 read as "6"). */
    static String readProc(String file) throws IOException {
        try (var in = Files.newInputStream(Path.of(file))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
    }
}
