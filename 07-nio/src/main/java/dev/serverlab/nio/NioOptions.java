package dev.serverlab.nio;

import java.time.Duration;

/**
 * Stage 07's own settings, beyond {@link dev.serverlab.core.net.ServerConfig}.
 *
 * @param loops       selector loops (reactors), each a thread serving its share of the
 *                    connections; the default is one per core
 * @param workers     threads for handlers that may block ({@code /sleep}, {@code /files});
 *                    0 runs every handler on its loop
 * @param idleTimeout how long a connection may sit between requests, or leave
 *                    its response unread; 0 = forever
 * @param readTimeout how long one request may take to arrive once begun; 0 = forever
 * @param keepAlive   false: every response says {@code Connection: close}
 */
public record NioOptions(int loops, int workers, Duration idleTimeout, Duration readTimeout, boolean keepAlive) {

    public static final NioOptions DEFAULTS = new NioOptions(Runtime.getRuntime().availableProcessors(), 4,
            Duration.ofSeconds(30), Duration.ofSeconds(10), true);

    public NioOptions {
        if (loops < 1) {
            throw new IllegalArgumentException("loops must be >= 1: " + loops);
        }
        if (workers < 0) {
            throw new IllegalArgumentException("workers must be >= 0: " + workers);
        }
    }

    public NioOptions withLoops(int n) {
        return new NioOptions(n, workers, idleTimeout, readTimeout, keepAlive);
    }

    public NioOptions withWorkers(int n) {
        return new NioOptions(loops, n, idleTimeout, readTimeout, keepAlive);
    }

    public NioOptions withIdleTimeout(Duration timeout) {
        return new NioOptions(loops, workers, timeout, readTimeout, keepAlive);
    }

    public NioOptions withReadTimeout(Duration timeout) {
        return new NioOptions(loops, workers, idleTimeout, timeout, keepAlive);
    }

    public NioOptions withKeepAlive(boolean on) {
        return new NioOptions(loops, workers, idleTimeout, readTimeout, on);
    }
}
