package dev.serverlab.nio;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every connection's next deadline, in one structure ordered by time, so a
 * single thread can police thousands of timeouts: the loop asks how long
 * until the earliest one ({@link #nextAt()}), sleeps in {@code select} no
 * longer than that, then takes whatever has expired ({@link #pollExpired}).
 * No thread and no scheduled task per connection.
 *
 * <p>Each target has at most one deadline; setting a new one replaces the
 * old (a connection that goes from idle to reading swaps its idle deadline
 * for a read deadline). A sorted set plus a map gives O(log n) set, cancel
 * and poll. A timer wheel would make these O(1) at the price of rounding
 * deadlines to its tick; at serverlab's scale the sorted set is plenty and
 * easier to read.
 *
 * <p>Not thread-safe: only the reactor's loop touches it.
 *
 * @param <T> what has a deadline: a connection
 */
final class Deadlines<T> {

    /** {@link #nextAt()} when nothing has a deadline. */
    static final long NONE = Long.MAX_VALUE;

    private record Entry<T>(long at, long seq, T target) {
    }

    // seq breaks ties: two connections may well share a nanosecond.
    private final TreeSet<Entry<T>> byTime = new TreeSet<>(
            Comparator.<Entry<T>>comparingLong(Entry::at).thenComparingLong(Entry::seq));
    private final Map<T, Entry<T>> byTarget = new HashMap<>();
    private long seq;

    /** Gives {@code target} the deadline {@code at} (a {@link System#nanoTime()} value), replacing any other. */
    void set(T target, long at) {
        cancel(target);
        Entry<T> entry = new Entry<>(at, seq++, target);
        byTime.add(entry);
        byTarget.put(target, entry);
    }

    /** Removes {@code target}'s deadline, if it has one. */
    void cancel(T target) {
        Entry<T> old = byTarget.remove(target);
        if (old != null) {
            byTime.remove(old);
        }
    }

    /** The earliest deadline, or {@link #NONE}. */
    long nextAt() {
        return byTime.isEmpty() ? NONE : byTime.first().at();
    }

    /** Removes and returns one target whose deadline is at or before {@code now}, or null if none is. */
    T pollExpired(long now) {
        if (byTime.isEmpty() || byTime.first().at() > now) {
            return null;
        }
        Entry<T> entry = byTime.pollFirst();
        byTarget.remove(entry.target());
        return entry.target();
    }

    /** How many targets have a deadline. */
    int size() {
        return byTarget.size();
    }
}
