package dev.serverlab.keepalive;

import dev.serverlab.core.http.ParserPool;
import java.time.Duration;

/**
 * How a {@link KeepAliveConnection} treats its client. A zero duration means
 * "no limit".
 *
 * @param idleTimeout how long a connection may wait, between requests, for the next one to begin
 * @param readTimeout how long one request may take from its first byte to its last;
 *                    also bounds the wait for a new connection's first request
 * @param keepAlive   false: every response says {@code Connection: close} and the connection ends
 * @param parsers     the server's spare request parsers (and the size limits they enforce): a connection
 *                    borrows one while a request is on its way, so an idle connection holds none
 */
public record KeepAliveSettings(Duration idleTimeout, Duration readTimeout, boolean keepAlive, ParserPool parsers) {

    public KeepAliveSettings {
        if (idleTimeout.isNegative() || readTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
    }
}
