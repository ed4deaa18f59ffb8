package dev.serverlab.core.http;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Spare request parsers, lent to connections while a request is on its way.
 * A parser holds a buffer of a few KiB (its unread input), which an idle
 * keep-alive connection does not need: the connection takes one when a
 * request's first bytes arrive and gives it back once nothing is buffered.
 * Ten thousand idle connections then hold no parser buffers at all, and a
 * busy server reuses a handful instead of making one per request.
 *
 * <p>A parser is clean when it is idle (between requests, nothing buffered)
 * and its input has not ended; only clean ones are kept, and only up to the
 * pool's {@code maxSpare}, so a burst of slow requests does not leave its
 * buffers behind for good: parsers beyond it are made when needed and
 * dropped after.
 *
 * <p>Safe for any number of threads, and allocation-free itself: the spares
 * sit in a fixed array of slots, taken and filled by compare-and-set, so
 * lending one costs no node and no lock. {@link #take} and {@link #give} both
 * scan from the first slot, so the most recently returned parsers (their
 * buffers warm in cache) are the first lent again. Stage 07 keeps one pool per
 * event loop (used by that loop's thread only, never contended); the blocking
 * stages share one among all their connections' threads.
 */
public final class ParserPool {

    /** Spare parsers kept by default; more in flight at once are made, then dropped. */
    public static final int DEFAULT_MAX_SPARE = 32;

    private final HttpLimits limits;
    private final AtomicReferenceArray<RequestAssembler> slots; // null: an empty slot

    public ParserPool(HttpLimits limits) {
        this(limits, DEFAULT_MAX_SPARE);
    }

    /** {@code maxSpare} 0: keeps none, every {@link #take} makes a parser (one request per connection). */
    public ParserPool(HttpLimits limits, int maxSpare) {
        if (maxSpare < 0) {
            throw new IllegalArgumentException("maxSpare must not be negative: " + maxSpare);
        }
        this.limits = limits;
        this.slots = new AtomicReferenceArray<>(maxSpare);
    }

    /** A clean parser: a spare one if there is one, else a new one. The caller owns it until {@link #give}. */
    public RequestAssembler take() {
        for (int i = 0; i < slots.length(); i++) {
            RequestAssembler spare = slots.get(i);
            if (spare != null && slots.compareAndSet(i, spare, null)) {
                return spare;
            }
        }
        return new RequestAssembler(limits);
    }

    /**
     * Hands a parser back; the caller must not use it again. Kept if it is
     * clean and a slot is free, otherwise left to the garbage collector.
     */
    public void give(RequestAssembler parser) {
        if (!parser.isIdle() || parser.isFinished()) {
            return; // holds part of a request, or its input ended: of no use to the next connection
        }
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) == null && slots.compareAndSet(i, null, parser)) {
                return;
            }
        }
    }

    /** Parsers waiting to be taken (a snapshot: other threads may be taking and giving). */
    public int spare() {
        int count = 0;
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) != null) {
                count++;
            }
        }
        return count;
    }

    /** The most spare parsers this pool keeps. */
    public int maxSpare() {
        return slots.length();
    }
}
