package dev.serverlab.core.net;

import java.net.Socket;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lingering closes ({@link Sockets#lingerAndClose}) of connections turned
 * away, done off the accepting thread on a few platform threads.
 *
 * <p>Why platform threads: stages 04–06 come before chapter 08 introduces
 * virtual threads, and a virtual thread here would start the JDK's carrier
 * pool and show its threads in {@code /stats} live_threads, a number those
 * chapters read as "what this model costs". Why bounded: a flood of refused
 * connections must not buy itself threads. At most {@link #THREADS} threads
 * linger (each for at most a second per client, usually until the client's
 * EOF) and {@link #QUEUE} sockets wait their turn; beyond that a refused
 * socket is closed at once, accepting the small risk of a reset destroying
 * its 503 under a flood rather than holding descriptors without bound.
 * Idle threads exit after a few seconds, so a quiet server holds none.
 */
public final class LingeringCloser {

    static final int THREADS = 4;
    static final int QUEUE = 256;

    private static final AtomicInteger NEXT_ID = new AtomicInteger();
    private static final ThreadPoolExecutor EXECUTOR = newExecutor();

    private LingeringCloser() {
    }

    /** Lingers and closes the socket on a closer thread, then runs {@code afterClose}; never blocks the caller. */
    public static void closeLater(Socket socket, Runnable afterClose) {
        try {
            EXECUTOR.execute(() -> {
                try {
                    Sockets.lingerAndClose(socket);
                } finally {
                    afterClose.run();
                }
            });
        } catch (RejectedExecutionException full) {
            Sockets.closeQuietly(socket);
            afterClose.run();
        }
    }

    private static ThreadPoolExecutor newExecutor() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 5, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                task -> Thread.ofPlatform().daemon().name("refused-linger-" + NEXT_ID.incrementAndGet()).unstarted(task));
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
