package dev.serverlab.nio;

import java.time.Duration;
import java.util.Arrays;

/**
 * Every connection's next deadline, kept so that a single thread can police
 * thousands of timeouts: the loop asks how long until the earliest one
 * ({@link #nextAt()}), sleeps in {@code select} no longer than that, then
 * takes whatever has expired ({@link #pollExpired}). No thread and no
 * scheduled task per connection.
 *
 * <p>Each kind of timeout (idle, read, linger) has one fixed length, so the
 * deadlines of one kind expire in the order they were set: a plain FIFO per
 * kind, a {@link Lane}, is already sorted by time. The links live in the
 * connection itself ({@link Entry}), so setting, replacing and cancelling a
 * deadline are O(1) and allocate nothing: the reactor does it twice per
 * request. (The general answer, for timeouts of any length, is a sorted set
 * or a timer wheel; Netty's {@code IdleStateHandler} and nginx's timers use
 * the same trick as here when the lengths are few.)
 *
 * <p>Each entry has at most one deadline; setting a new one replaces the old
 * (a connection that goes from idle to reading swaps its idle deadline for a
 * read deadline). Not thread-safe: only the reactor's loop touches it.
 */
final class Deadlines {

    /** {@link #nextAt()} when nothing has a deadline. */
    static final long NONE = Long.MAX_VALUE;

    /** Something with a deadline: the links of its lane live here, so a deadline costs no object. */
    static class Entry {
        private Lane lane;
        private Entry prev;
        private Entry next;
        private long at;
    }

    /** The deadlines of one timeout length, earliest first. */
    static final class Lane {
        private final long nanos;
        private Entry first;
        private Entry last;

        private Lane(long nanos) {
            this.nanos = nanos;
        }
    }

    private Lane[] lanes = new Lane[0]; // an array: the loop scans it twice a turn, without an iterator
    private int size;

    /** A lane for timeouts of this length, or null for {@link Duration#ZERO} (no timeout at all). */
    Lane lane(Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            return null;
        }
        Lane lane = new Lane(timeout.toNanos());
        lanes = Arrays.copyOf(lanes, lanes.length + 1);
        lanes[lanes.length - 1] = lane;
        return lane;
    }

    /**
     * Gives {@code entry} the deadline {@code now} plus the lane's length,
     * replacing any other; a null lane cancels. {@code now} is a
     * {@link System#nanoTime()} value and must not go backwards.
     */
    void set(Entry entry, Lane lane, long now) {
        cancel(entry);
        if (lane == null) {
            return;
        }
        entry.lane = lane;
        entry.at = now + lane.nanos;
        entry.prev = lane.last;
        if (lane.last == null) {
            lane.first = entry;
        } else {
            lane.last.next = entry;
        }
        lane.last = entry;
        size++;
    }

    /** Removes {@code entry}'s deadline, if it has one. */
    void cancel(Entry entry) {
        Lane lane = entry.lane;
        if (lane == null) {
            return;
        }
        if (entry.prev == null) {
            lane.first = entry.next;
        } else {
            entry.prev.next = entry.next;
        }
        if (entry.next == null) {
            lane.last = entry.prev;
        } else {
            entry.next.prev = entry.prev;
        }
        entry.lane = null;
        entry.prev = null;
        entry.next = null;
        size--;
    }

    /** The earliest deadline, or {@link #NONE}. */
    long nextAt() {
        long next = NONE;
        for (Lane lane : lanes) {
            if (lane.first != null && lane.first.at < next) {
                next = lane.first.at;
            }
        }
        return next;
    }

    /** Removes and returns one entry whose deadline is at or before {@code now}, or null if none is. */
    Entry pollExpired(long now) {
        for (Lane lane : lanes) {
            Entry first = lane.first;
            if (first != null && first.at - now <= 0) {
                cancel(first);
                return first;
            }
        }
        return null;
    }

    /** How many entries have a deadline. */
    int size() {
        return size;
    }
}
