package dev.serverlab.keepalive;

import dev.serverlab.core.http.HttpLimits;
import java.time.Duration;

/**
 * How a {@link KeepAliveConnection} treats its client. A zero duration means
 * "no limit".
 *
 * @param idleTimeout how long a connection may wait, between requests, for the next one to begin
 * @param readTimeout how long one request may take from its first byte to its last;
 *                    also bounds the wait for a new connection's first request
 * @param keepAlive   false: every response says {@code Connection: close} and the connection ends
 * @param limits      request size limits
 */
public record KeepAliveSettings(Duration idleTimeout, Duration readTimeout, boolean keepAlive, HttpLimits limits) {

    public KeepAliveSettings {
        if (idleTimeout.isNegative() || readTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
    }
}
