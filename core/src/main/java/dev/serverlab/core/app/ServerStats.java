package dev.serverlab.core.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters a stage updates as connections come and go, served as JSON by
 * {@code GET /stats}. Tests read them to see a concurrency model from the
 * outside: how many connections were accepted, how many threads are alive.
 *
 * <p>Thread-safe: every stage updates these from many threads at once.
 */
public final class ServerStats {

    /** A consistent-enough copy of the counters at one moment. */
    public record Snapshot(long accepted, long active, long requests, long rejected, long timedOut,
                           int liveThreads) {

        /** The JSON served by {@code /stats}, one flat object. */
        public String toJson() {
            return "{\"accepted\":" + accepted
                    + ",\"active\":" + active
                    + ",\"requests\":" + requests
                    + ",\"rejected\":" + rejected
                    + ",\"timed_out\":" + timedOut
                    + ",\"live_threads\":" + liveThreads + "}";
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final LongAdder accepted = new LongAdder();
    private final LongAdder active = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder timedOut = new LongAdder();

    /** A connection was accepted and is now open. */
    public void connectionOpened() {
        accepted.increment();
        active.increment();
    }

    /** An accepted connection was closed, for whatever reason. */
    public void connectionClosed() {
        active.decrement();
    }

    /** A request reached the application. */
    public void requestReceived() {
        requests.increment();
    }

    /** A connection was turned away because the server was full (503). */
    public void connectionRejected() {
        rejected.increment();
    }

    /** A connection was closed because a read or idle timeout expired. */
    public void connectionTimedOut() {
        timedOut.increment();
    }

    public Snapshot snapshot() {
        // Platform threads only: virtual threads are not counted by the MXBean,
        // which is exactly what makes stage 08's figure interesting.
        return new Snapshot(accepted.sum(), active.sum(), requests.sum(), rejected.sum(), timedOut.sum(),
                THREADS.getThreadCount());
    }
}
