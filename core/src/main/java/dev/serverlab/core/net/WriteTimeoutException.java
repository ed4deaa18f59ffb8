package dev.serverlab.core.net;

import java.net.SocketException;

/**
 * A blocking write made no progress for longer than its bound, so the
 * {@link Watchdog} closed the socket under it: the client stopped
 * reading. Counted as a timed-out connection, like a read timeout.
 */
public final class WriteTimeoutException extends SocketException {
    private static final long serialVersionUID = 1L;

    public WriteTimeoutException(long boundMillis) {
        super("write timeout: the client read nothing for " + boundMillis + " ms");
    }
}
