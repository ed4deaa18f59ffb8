package dev.serverlab.testkit;

import java.time.Duration;

/**
 * What a keep-alive stage (06, 07, 08) is configured with beyond
 * {@link dev.serverlab.core.net.ServerConfig}, as {@link KeepAliveContract}
 * sets it. Each stage maps it onto its own flags: {@code --idle-timeout},
 * {@code --read-timeout}, {@code --keep-alive}.
 *
 * @param idleTimeout how long a connection may sit between requests; 0 = forever
 * @param readTimeout how long one request may take to arrive once begun; 0 = forever
 * @param keepAlive   false turns persistence off server-wide: every response says {@code Connection: close}
 */
public record KeepAliveOptions(Duration idleTimeout, Duration readTimeout, boolean keepAlive) {

    /** Generous timeouts, keep-alive on: no test trips a timeout by accident. */
    public static final KeepAliveOptions DEFAULTS =
            new KeepAliveOptions(Duration.ofSeconds(30), Duration.ofSeconds(10), true);

    public KeepAliveOptions withIdleTimeout(Duration timeout) {
        return new KeepAliveOptions(timeout, readTimeout, keepAlive);
    }

    public KeepAliveOptions withReadTimeout(Duration timeout) {
        return new KeepAliveOptions(idleTimeout, timeout, keepAlive);
    }

    public KeepAliveOptions withKeepAlive(boolean on) {
        return new KeepAliveOptions(idleTimeout, readTimeout, on);
    }
}
