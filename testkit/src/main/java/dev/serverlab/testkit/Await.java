package dev.serverlab.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that another thread will make true — a server
 * thread starting, a connection closing — by polling with a deadline.
 * Tests use this instead of sleeping "long enough": it returns as soon as
 * the condition holds and fails with a message when it never does.
 */
public final class Await {

    /** How long a condition may take before the test calls it a failure. Generous: CI machines are slow. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final long POLL_MILLIS = 10;

    private Await() {
    }

    /** Polls until {@code condition} holds; fails after {@link #DEFAULT_TIMEOUT}. */
    public static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, condition, DEFAULT_TIMEOUT);
    }

    /** Polls until {@code condition} holds; throws {@link AssertionError} naming {@code what} after {@code timeout}. */
    public static void until(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still waiting after " + timeout + " for: " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
