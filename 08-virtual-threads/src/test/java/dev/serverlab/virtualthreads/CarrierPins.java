package dev.serverlab.virtualthreads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Pins carrier threads on purpose: each pin is a virtual thread blocked in
 * {@link ClinitGate}'s static initialiser, which holds its carrier until
 * {@link #close()}. Pin as many as the scheduler has carriers and no other
 * virtual thread in the JVM can run.
 */
final class CarrierPins implements AutoCloseable {

    // Read by ClinitGate's initialiser, which cannot take arguments. One set of pins at a time.
    private static volatile CountDownLatch entered;
    private static volatile CountDownLatch release;

    private final List<Thread> threads = new ArrayList<>();

    private CarrierPins() {
    }

    /** The carriers of the default scheduler: one per core unless {@code jdk.virtualThreadScheduler.parallelism} says otherwise. */
    static int schedulerParallelism() {
        return Integer.getInteger("jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors());
    }

    /** Returns once {@code n} virtual threads each hold a carrier, blocked in a static initialiser. */
    static CarrierPins pin(int n) throws InterruptedException {
        entered = new CountDownLatch(n);
        release = new CountDownLatch(1);
        byte[] gate = classBytes();
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        CarrierPins pins = new CarrierPins();
        for (int i = 0; i < n; i++) {
            pins.threads.add(Thread.ofVirtual().name("pinned-in-clinit-" + i).start(() -> {
                try {
                    lookup.defineHiddenClass(gate, true); // true: initialise it, here, on this virtual thread
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        if (!entered.await(10, TimeUnit.SECONDS) || !pins.allBlocked(System.nanoTime() + TimeUnit.SECONDS.toNanos(10))) {
            pins.close();
            throw new IllegalStateException("the pinning threads did not all start");
        }
        return pins;
    }

    /**
     * Entering the initialiser is not yet blocking in it: a thread counts
     * {@code entered} down just before it parks. Wait until each one really
     * waits, or a quick {@link #close()} would release a thread that never pinned.
     */
    private boolean allBlocked(long deadlineNanos) {
        for (Thread thread : threads) {
            while (thread.getState() != Thread.State.WAITING) {
                if (System.nanoTime() > deadlineNanos) {
                    return false;
                }
                Thread.onSpinWait();
            }
        }
        return true;
    }

    /** Called from ClinitGate's static initialiser: blocks (pinned) until the pins are released. */
    static void holdCarrier() {
        entered.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Releases every pin and waits for the pinning threads to end. */
    @Override
    public void close() throws InterruptedException {
        release.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static byte[] classBytes() {
        try (InputStream in = ClinitGate.class.getResourceAsStream("ClinitGate.class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
