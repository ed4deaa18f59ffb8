package dev.serverlab.core.net;

import java.io.IOException;
import java.time.Duration;

/**
 * Reports a failed {@code accept()} and when it will be tried again, for the
 * blocking accept loop and stage 07's reactor alike.
 *
 * <p>It writes to standard error directly, not through {@link System.Logger},
 * because the usual failure is "too many open files", and a logger may need
 * to open a file the first time it formats a record: {@code java.util.logging}'s
 * {@code SimpleFormatter} loads the time-zone database ({@code lib/tzdb.dat})
 * for its time stamp. With no descriptor left that load fails with a
 * {@code java.lang.Error}, and the thread that logged — the accept loop, or
 * 07's only loop — died with it: {@code DescriptorExhaustionContract} found
 * this by running a stage under {@code ulimit -n 256}. Standard error is open
 * from the start and needs nothing more.
 */
public final class AcceptFailureLog {

    private AcceptFailureLog() {
    }

    /** One line: the cause and the delay before the next attempt. */
    public static void retrying(IOException cause, Duration delay) {
        System.err.println("accept failed (" + cause.getMessage() + "); retrying in " + delay.toMillis() + " ms");
    }
}
