package dev.serverlab.nio;

import dev.serverlab.core.http.HttpLimits;
import dev.serverlab.core.http.RequestAssembler;
import java.util.ArrayDeque;

/**
 * One loop's spare parsers. A parser holds a buffer of a few KiB (its
 * unread input), which an idle keep-alive connection does not need: the
 * connection borrows one when a request's first bytes arrive and gives it
 * back once nothing is buffered. Ten thousand idle connections then cost no
 * parser buffers at all, and a busy loop reuses a handful instead of
 * allocating one per request.
 *
 * <p>A parser is clean when it is idle (between requests, nothing buffered)
 * and its input has not ended; only clean ones are kept, and only up to
 * {@link #MAX_SPARE}, so a burst of slow requests does not leave its buffers
 * behind for good. Not thread-safe: one pool per loop, used on its thread.
 */
final class ParserPool {

    /** Spare parsers kept per loop; more in flight at once are made, then dropped. */
    static final int MAX_SPARE = 32;

    private final HttpLimits limits;
    private final ArrayDeque<RequestAssembler> spare = new ArrayDeque<>();

    ParserPool(HttpLimits limits) {
        this.limits = limits;
    }

    RequestAssembler take() {
        RequestAssembler parser = spare.pollLast(); // the most recently used: its buffer is warm in cache
        return parser != null ? parser : new RequestAssembler(limits);
    }

    void give(RequestAssembler parser) {
        if (parser.isIdle() && !parser.isFinished() && spare.size() < MAX_SPARE) {
            spare.addLast(parser);
        }
    }

    /** Parsers waiting to be taken. */
    int spare() {
        return spare.size();
    }
}
