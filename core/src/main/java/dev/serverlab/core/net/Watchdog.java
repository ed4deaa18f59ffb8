package dev.serverlab.core.net;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one thread that enforces deadlines a blocked thread cannot enforce
 * itself: every {@link #TICK_MILLIS} ms it asks each watched wait whether
 * it is overdue, and an overdue one closes its socket, which is the one
 * thing that wakes a thread blocked in a socket's {@code read()} or
 * {@code write()} from outside.
 *
 * <p>Two kinds of wait are watched: a write that makes no progress
 * ({@link DeadlineOutputStream}: Java's blocking writes have no timeout at
 * all), and, on a virtual thread, the wait for a request's first byte
 * ({@link IdleWait}: a timed read there costs a timer in the JDK's
 * scheduler for every request). One daemon platform thread for the whole
 * JVM, started by the first watched wait; a wait costs it an add and a
 * remove in a concurrent set, never a wake-up. A deadline is noticed up to
 * one tick late, which is nothing beside timeouts of seconds.
 */
final class Watchdog {

    /** A wait with a deadline, checked by the watchdog's thread. */
    interface Watched {
        /** Closes the socket if the wait has passed its deadline at {@code now} ({@link System#nanoTime}). */
        void expireIfOverdue(long now);
    }

    static final long TICK_MILLIS = 20;

    private static final Set<Watched> WAITING = ConcurrentHashMap.newKeySet();
    private static volatile boolean started;

    private Watchdog() {
    }

    static void watch(Watched wait) {
        if (!started) {
            start();
        }
        WAITING.add(wait);
    }

    static void unwatch(Watched wait) {
        WAITING.remove(wait);
    }

    private static synchronized void start() {
        if (!started) {
            Thread.ofPlatform().daemon().name("watchdog").start(Watchdog::run);
            started = true;
        }
    }

    private static void run() {
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Watched wait : WAITING) {
                wait.expireIfOverdue(now);
            }
        }
    }
}
