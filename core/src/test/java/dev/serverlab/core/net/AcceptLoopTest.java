package dev.serverlab.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.app.ServerStats;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AcceptLoopTest {

    /** A listening socket whose first {@code failures} accepts fail the way an exhausted process does. */
    static final class ExhaustedServerSocket extends ServerSocket {
        final AtomicInteger failuresLeft;
        final List<Long> failureTimes = new ArrayList<>();

        ExhaustedServerSocket(int failures) throws IOException {
            super();
            failuresLeft = new AtomicInteger(failures);
            bind(new InetSocketAddress("127.0.0.1", 0));
        }

        @Override
        public Socket accept() throws IOException {
            if (failuresLeft.getAndDecrement() > 0) {
                synchronized (failureTimes) {
                    failureTimes.add(System.nanoTime());
                }
                throw new SocketException("Too many open files");
            }
            return super.accept();
        }
    }

    @Test
    void acceptLoopSurvivesTooManyOpenFilesAndServesAfterwards() throws Exception {
        ServerStats stats = new ServerStats();
        BlockingQueue<Socket> handedOff = new LinkedBlockingQueue<>();
        try (ExhaustedServerSocket listener = new ExhaustedServerSocket(5)) {
            AcceptLoop loop = new AcceptLoop("test-acceptor", listener, new OpenConnections(stats), handedOff::add);
            loop.start();
            try (Socket client = new Socket("127.0.0.1", listener.getLocalPort())) {
                Socket accepted = handedOff.poll(30, TimeUnit.SECONDS);
                assertThat(accepted).as("accepted once descriptors are back").isNotNull();
                accepted.close();
            }
            assertThat(loop.thread().isAlive()).as("the loop is still running").isTrue();
            // Five failures waited 5+10+20+40+80 ms in all: backing off, not spinning.
            long first = listener.failureTimes.get(0);
            long last = listener.failureTimes.get(4);
            assertThat(Duration.ofNanos(last - first)).isGreaterThanOrEqualTo(Duration.ofMillis(5 + 10 + 20 + 40));
            loop.stop();
            loop.join();
            assertThat(loop.thread().isAlive()).isFalse();
        }
        assertThat(stats.snapshot().accepted()).isEqualTo(1);
    }

    @Test
    void backoffDoublesFromFiveMillisToOneSecondAndResetsOnSuccess() {
        AcceptBackoff backoff = new AcceptBackoff();
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            delays.add(backoff.failed().toMillis());
        }
        assertThat(delays).containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 1000L, 1000L);
        backoff.succeeded();
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(5));
    }
}
