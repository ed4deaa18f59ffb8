package dev.serverlab.core.net;

import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection's wait for the first byte of its next request, bounded by a
 * deadline that the {@link Watchdog} enforces instead of the socket's own
 * timeout. Used on virtual threads only (see
 * {@link BlockingRequestReader}): there a read with {@code SO_TIMEOUT}
 * that finds no data parks with a timeout, and every such park arms a
 * timer with the scheduler's delay thread and cancels it when the data
 * comes first — two wake-ups of another thread per request of a keep-alive
 * connection, which is most of what separated stage 08 from Go in chapter
 * 08's profile. An untimed read and a watch cost an add and a remove in a
 * concurrent set instead.
 *
 * <p>The reader and the watchdog race once per wait, and exactly one wins:
 * the reader's {@link #end} and the watchdog's {@link #expireIfOverdue}
 * both try to move the wait out of {@code WAITING}. If the watchdog wins,
 * it closes the socket (waking the read) and the reader reports a timeout;
 * if the reader wins, the socket is never touched.
 */
final class IdleWait implements Watchdog.Watched {

    private static final int OFF = 0;
    private static final int WAITING = 1;
    private static final int EXPIRED = 2;

    private final Socket socket;
    private final AtomicInteger state = new AtomicInteger(OFF);
    private volatile long deadline; // System.nanoTime() at which the wait expires

    IdleWait(Socket socket) {
        this.socket = socket;
    }

    /** Starts watching; the caller then blocks in an untimed read. */
    void begin(long deadline) {
        this.deadline = deadline;
        state.set(WAITING);
        Watchdog.watch(this);
    }

    /** Stops watching, after the read returned or threw; true if the watchdog expired the wait first. */
    boolean end() {
        Watchdog.unwatch(this);
        return state.getAndSet(OFF) == EXPIRED;
    }

    @Override
    public void expireIfOverdue(long now) {
        if (now - deadline >= 0 && state.compareAndSet(WAITING, EXPIRED)) {
            Sockets.closeQuietly(socket); // the blocked read() now fails: its thread is free
        }
    }
}
