package dev.serverlab.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition the way tests should: poll it until it holds or a
 * generous deadline passes, never a fixed sleep that is either too short on
 * a loaded machine or wasted on a fast one.
 */
public final class Polling {

    private static final long INTERVAL_MILLIS = 10;

    private Polling() {
    }

    /** Returns as soon as {@code condition} holds; fails the test if it still does not after {@code timeout}. */
    public static void until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition still false after " + timeout);
            }
            Thread.sleep(INTERVAL_MILLIS);
        }
    }
}
