package dev.serverlab.core.net;

import java.time.Duration;

/**
 * How long to wait after {@code accept()} fails before trying again.
 *
 * <p>The usual failure is "too many open files": every descriptor is in
 * use, and the pending connection stays in the kernel's queue. Retrying at
 * once would spin a core at 100% doing nothing; giving up would kill a
 * server that would recover as soon as a few connections close. Go's
 * {@code net/http} answers with a backoff — 5 ms, doubling up to 1 s, back to
 * nothing after a success — and so does serverlab.
 */
public final class AcceptBackoff {

    static final Duration FIRST = Duration.ofMillis(5);
    static final Duration MAX = Duration.ofSeconds(1);

    // tag::backoff[]
    private Duration delay = Duration.ZERO;

    /** Records a failure and returns how long to wait before the next accept. */
    public Duration failed() {
        delay = delay.isZero() ? FIRST : min(delay.multipliedBy(2), MAX);
        return delay;
    }

    /** Records a success: the next failure starts again from 5 ms. */
    public void succeeded() {
        delay = Duration.ZERO;
    }
    // end::backoff[]

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
