package dev.serverlab.core.net;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
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
 */
public final class WorkerPool {

    private final ThreadPoolExecutor executor;

    /**
     * @param name          prefix of the worker threads' names, e.g. {@code 05-thread-pool-worker-}
     * @param workers       how many threads serve connections
     * @param queueCapacity how many accepted connections may wait for a worker; 0 = none
     */
    public WorkerPool(String name, int workers, int queueCapacity) {
        BlockingQueue<Runnable> queue = queueCapacity == 0
                ? new SynchronousQueue<>() // hand straight to an idle worker, or refuse
                : new ArrayBlockingQueue<>(queueCapacity);
        executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, queue,
                Thread.ofPlatform().name(name, 1).factory(), new ThreadPoolExecutor.AbortPolicy());
        executor.prestartAllCoreThreads();
    }

    /** Queues the task for a worker; false, at once, if the workers and the queue are all taken. */
    public boolean trySubmit(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

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
