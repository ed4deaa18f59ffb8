package dev.serverlab.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs N clients at once and times them. Tests compare the time of N
 * clients in parallel with the time of the same clients one after another:
 * a ratio holds on a noisy two-core machine where absolute times do not.
 */
public final class Parallel {

    /** Upper bound for any batch of clients: a hang fails the test instead of the build. */
    public static final Duration BATCH_TIMEOUT = Duration.ofSeconds(60);

    private Parallel() {
    }

    /** What a batch of clients returned, and how long the whole batch took. */
    public record Outcome<T>(List<T> results, Duration elapsed) {
    }

    /**
     * Starts {@code n} copies of {@code client} as close to simultaneously as
     * possible (they wait on a common start signal), each on its own thread,
     * and waits for all of them.
     *
     * @param client given the client's index, 0..n-1
     */
    public static <T> Outcome<T> run(int n, IndexedTask<T> client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n, Thread.ofPlatform().name("test-client-", 0).factory());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return client.run(index);
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            List<T> results = new ArrayList<>();
            long deadline = start + BATCH_TIMEOUT.toNanos();
            for (Future<T> f : futures) {
                results.add(getBefore(f, deadline));
            }
            return new Outcome<>(results, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code n} copies of {@code client} one after another and times them. */
    public static <T> Outcome<T> serially(int n, IndexedTask<T> client) throws Exception {
        List<T> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            results.add(client.run(i));
        }
        return new Outcome<>(results, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Times one call. */
    public static <T> Outcome<T> timed(Callable<T> task) throws Exception {
        long start = System.nanoTime();
        T result = task.call();
        return new Outcome<>(List.of(result), Duration.ofNanos(System.nanoTime() - start));
    }

    private static <T> T getBefore(Future<T> f, long deadline) throws Exception {
        try {
            return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("clients still running after " + BATCH_TIMEOUT, e);
        }
    }

    /** One client's work, told which client it is. */
    @FunctionalInterface
    public interface IndexedTask<T> {
        T run(int index) throws Exception;
    }
}
