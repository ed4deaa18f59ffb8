package dev.serverlab.core.net;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A fixed number of worker threads fed by a bounded queue: the building
 * block of stages 05 and 06. All workers start at once and live as long as
 * the pool, so the thread count stays the same under any load; when every
 * worker is busy and the queue is full, {@link #trySubmit} says no at once
 * instead of letting work pile up without bound.
 *
 * <p>A thin wrapper over {@link ThreadPoolExecutor}, which already does this
 * well; it exists so the stages say what they mean ("try to hand this
 * connection to a worker") rather than configure an executor each time.
 *
 * <p>The bound is counted here, not left to the executor's queue: once its
 * workers are prestarted, a {@code ThreadPoolExecutor} passes every task
 * through its queue, even to an idle worker, so a burst of tasks overflows
 * a small bounded queue while workers sit idle. Counting "running plus
 * waiting" against {@code workers + queue} refuses only when the pool is
 * really full.
 */
public final class WorkerPool {

    private final ThreadPoolExecutor executor;
    private final Semaphore slots; // one per task in the pool, running or waiting

    /**
     * @param name          prefix of the worker threads' names, e.g. {@code 05-thread-pool-worker-}
     * @param workers       how many threads serve connections
     * @param queueCapacity how many accepted connections may wait for a worker; 0 = none
     */
    public WorkerPool(String name, int workers, int queueCapacity) {
        slots = new Semaphore(workers + queueCapacity);
        // Unbounded, but never holds more than queueCapacity tasks: slots bound it.
        executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name(name, 1).factory(), new ThreadPoolExecutor.AbortPolicy());
        executor.prestartAllCoreThreads();
    }

    /** Queues the task for a worker; false, at once, if the workers and the queue are all taken. */
    // tag::try-submit[]
    public boolean trySubmit(Runnable task) {
        if (!slots.tryAcquire()) {
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    slots.release();
                }
            });
            return true;
        } catch (RejectedExecutionException shutDown) {
            slots.release();
            return false;
        }
    }
    // end::try-submit[]

    /** Tasks waiting for a worker right now. */
    public int queued() {
        return executor.getQueue().size();
    }

    /** Stops the workers: queued tasks are dropped, running ones interrupted, then waited for. */
    public void shutdown(Duration wait) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
