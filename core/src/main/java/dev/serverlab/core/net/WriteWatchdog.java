package dev.serverlab.core.net;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one thread that enforces {@link DeadlineOutputStream}'s bound: every
 * {@link #TICK} it looks at the writes in progress and closes the socket of
 * any that has stalled too long. One daemon platform thread for the whole
 * JVM, started by the first bounded write; a write costs it an add and a
 * remove in a concurrent set, never a wake-up. A stall is noticed up to one
 * tick late, which is nothing beside bounds of seconds.
 */
final class WriteWatchdog {

    static final long TICK_MILLIS = 20;

    private static final Set<DeadlineOutputStream> WRITING = ConcurrentHashMap.newKeySet();
    private static volatile boolean started;

    private WriteWatchdog() {
    }

    static void watch(DeadlineOutputStream stream) {
        if (!started) {
            start();
        }
        WRITING.add(stream);
    }

    static void unwatch(DeadlineOutputStream stream) {
        WRITING.remove(stream);
    }

    private static synchronized void start() {
        if (!started) {
            Thread.ofPlatform().daemon().name("write-watchdog").start(WriteWatchdog::run);
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
            for (DeadlineOutputStream stream : WRITING) {
                stream.closeIfStalled(now);
            }
        }
    }
}
