package dev.serverlab.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    /**
     * Two workers and a queue of one hold three tasks, however fast they
     * arrive, and refuse the fourth: a burst must not be refused while
     * workers are still idle. (Repeated on fresh pools, because the failure
     * this guards against depends on a race.)
     */
    @Test
    void holdsWorkersPlusQueueTasksSubmittedInABurst() {
        for (int round = 0; round < 50; round++) {
            WorkerPool pool = new WorkerPool("test-worker-", 2, 1);
            CountDownLatch release = new CountDownLatch(1);
            Runnable blocker = () -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            try {
                assertThat(pool.trySubmit(blocker)).as("round %d, first", round).isTrue();
                assertThat(pool.trySubmit(blocker)).as("round %d, second", round).isTrue();
                assertThat(pool.trySubmit(blocker)).as("round %d, third (queued)", round).isTrue();
                assertThat(pool.trySubmit(blocker)).as("round %d, fourth (full)", round).isFalse();
            } finally {
                release.countDown();
                pool.shutdown(Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void aFinishedTaskFreesItsPlace() throws Exception {
        WorkerPool pool = new WorkerPool("test-worker-", 1, 0);
        try {
            CountDownLatch ran = new CountDownLatch(1);
            assertThat(pool.trySubmit(ran::countDown)).isTrue();
            ran.await();
            CountDownLatch again = new CountDownLatch(1);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean accepted = false;
            while (!accepted && System.nanoTime() < deadline) {
                accepted = pool.trySubmit(again::countDown); // the slot frees just after the task's last line
            }
            assertThat(accepted).isTrue();
        } finally {
            pool.shutdown(Duration.ofSeconds(5));
        }
    }
}
