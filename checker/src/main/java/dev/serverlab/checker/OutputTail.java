package dev.serverlab.checker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last lines a server process printed (stdout and stderr together),
 * kept for the failure report: a stack trace there usually says more than
 * any check can. Bounded, so a chatty server cannot fill the checker's heap.
 */
final class OutputTail {

    private static final int KEEP = 40;

    private final Deque<String> lines = new ArrayDeque<>();
    private Thread reader;

    /** Reads {@code in} on a daemon thread until the process closes it. */
    static OutputTail of(InputStream in) {
        OutputTail tail = new OutputTail();
        tail.reader = Thread.ofPlatform().daemon().name("server-output").start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    tail.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        return tail;
    }

    /** Waits up to {@code timeout} for the process to close its output, if it has ended. */
    void awaitEnd(java.time.Duration timeout) {
        try {
            reader.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void add(String line) {
        if (lines.size() == KEEP) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    /** At most {@code n} of the last lines, oldest first. */
    synchronized List<String> last(int n) {
        List<String> all = new ArrayList<>(lines);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }
}
