package dev.serverlab.nio;

import java.time.Duration;

/**
 * Stage 07's own settings, beyond {@link dev.serverlab.core.net.ServerConfig}.
 *
 * @param workers     threads for handlers that may block ({@code /sleep}, {@code /files});
 *                    0 runs every handler on the loop itself
 * @param idleTimeout how long a connection may sit between requests, or leave
 *                    its response unread; 0 = forever
 * @param readTimeout how long one request may take to arrive once begun; 0 = forever
 * @param keepAlive   false: every response says {@code Connection: close}
 */
public record NioOptions(int workers, Duration idleTimeout, Duration readTimeout, boolean keepAlive) {

    public static final NioOptions DEFAULTS =
            new NioOptions(4, Duration.ofSeconds(30), Duration.ofSeconds(10), true);

    public NioOptions {
        if (workers < 0) {
            throw new IllegalArgumentException("workers must be >= 0: " + workers);
        }
    }

    public NioOptions withWorkers(int n) {
        return new NioOptions(n, idleTimeout, readTimeout, keepAlive);
    }

    public NioOptions withIdleTimeout(Duration timeout) {
        return new NioOptions(workers, timeout, readTimeout, keepAlive);
    }

    public NioOptions withReadTimeout(Duration timeout) {
        return new NioOptions(workers, idleTimeout, timeout, keepAlive);
    }

    public NioOptions withKeepAlive(boolean on) {
        return new NioOptions(workers, idleTimeout, readTimeout, on);
    }
}
