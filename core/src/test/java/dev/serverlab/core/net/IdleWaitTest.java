package dev.serverlab.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlab.core.http.HttpLimits;
import dev.serverlab.core.http.Request;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * How {@link BlockingRequestReader} bounds the wait for a request's first
 * byte: with the socket's own timeout on a platform thread, and with an
 * untimed read watched by the {@link Watchdog} on a virtual thread, where a
 * timed read would arm a timer in the scheduler for every request.
 */
class IdleWaitTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void onAVirtualThreadTheWaitBetweenRequestsSetsNoSocketTimeout() throws Exception {
        try (ServerSocket listener = Sockets.listen(0);
             Socket client = new Socket("127.0.0.1", listener.getLocalPort());
             Socket accepted = listener.accept()) {
            send(client, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
            CompletableFuture<String> second = readTwoRequestsOn(Thread.ofVirtual(), accepted);

            assertThat(accepted.getSoTimeout()).as("SO_TIMEOUT while idle on a virtual thread").isZero();
            send(client, "GET /b HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("/b");
        }
    }

    @Test
    void onAPlatformThreadTheWaitBetweenRequestsUsesTheSocketTimeout() throws Exception {
        try (ServerSocket listener = Sockets.listen(0);
             Socket client = new Socket("127.0.0.1", listener.getLocalPort());
             Socket accepted = listener.accept()) {
            send(client, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
            CompletableFuture<String> second = readTwoRequestsOn(Thread.ofPlatform().daemon(), accepted);

            assertThat(accepted.getSoTimeout()).as("SO_TIMEOUT while idle on a platform thread")
                    .isGreaterThan(20_000).isLessThanOrEqualTo(30_000);
            send(client, "GET /b HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("/b");
        }
    }

    @Test
    void onAVirtualThreadASilentKeptConnectionTimesOutAsIdleAndIsClosed() throws Exception {
        try (ServerSocket listener = Sockets.listen(0);
             Socket client = new Socket("127.0.0.1", listener.getLocalPort());
             Socket accepted = listener.accept()) {
            send(client, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
            CompletableFuture<Request> second = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    BlockingRequestReader reader = new BlockingRequestReader(accepted, HttpLimits.DEFAULTS);
                    reader.readFirst(LONG);
                    second.complete(reader.read(Duration.ofMillis(200), LONG));
                } catch (Exception e) {
                    second.completeExceptionally(e);
                }
            });

            assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(RequestTimeoutException.class)
                    .cause().satisfies(e -> assertThat(((RequestTimeoutException) e).midRequest()).isFalse());
            assertThat(accepted.isClosed()).as("the watchdog closed it").isTrue();
        }
    }

    @Test
    void theReaderThatEndsItsWaitFirstKeepsTheSocketOpen() throws Exception {
        try (ServerSocket listener = Sockets.listen(0);
             Socket client = new Socket("127.0.0.1", listener.getLocalPort());
             Socket accepted = listener.accept()) {
            IdleWait wait = new IdleWait(accepted);
            wait.begin(System.nanoTime() - 1); // already overdue
            assertThat(wait.end()).as("the reader won: no timeout").isFalse();

            wait.expireIfOverdue(System.nanoTime());
            assertThat(accepted.isClosed()).as("a wait that has ended is not expired").isFalse();
        }
    }

    @Test
    void theWatchdogThatExpiresTheWaitFirstClosesTheSocketAndTheReaderSeesIt() throws Exception {
        try (ServerSocket listener = Sockets.listen(0);
             Socket client = new Socket("127.0.0.1", listener.getLocalPort());
             Socket accepted = listener.accept()) {
            IdleWait wait = new IdleWait(accepted);
            long deadline = System.nanoTime() + 1_000_000_000L;
            wait.begin(deadline);
            wait.expireIfOverdue(deadline - 1);
            assertThat(accepted.isClosed()).as("not yet due").isFalse();

            wait.expireIfOverdue(deadline);
            assertThat(accepted.isClosed()).isTrue();
            assertThat(wait.end()).as("the reader learns it timed out").isTrue();
        }
    }

    // Reads the first request, then blocks for the second on a thread of the given kind; returns once it waits.
    private static CompletableFuture<String> readTwoRequestsOn(Thread.Builder threads, Socket accepted)
            throws InterruptedException {
        AtomicReference<Thread> reading = new AtomicReference<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        threads.start(() -> {
            reading.set(Thread.currentThread());
            try {
                BlockingRequestReader reader = new BlockingRequestReader(accepted, HttpLimits.DEFAULTS);
                reader.readFirst(LONG);
                second.complete(reader.read(LONG, LONG).target());
            } catch (Exception e) {
                second.completeExceptionally(e);
            }
        });
        awaitBlocked(reading);
        return second;
    }

    // Blocked in read(): a virtual thread parks (WAITING), a platform thread sits in native code (RUNNABLE
    // with a socket read on top of its stack).
    private static void awaitBlocked(AtomicReference<Thread> reading) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Thread t = reading.get();
            if (t != null && (t.getState() == Thread.State.WAITING || inSocketRead(t))) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the reader never blocked");
    }

    private static boolean inSocketRead(Thread t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getMethodName().equals("read") && frame.getClassName().endsWith("NioSocketImpl")) {
                return true;
            }
        }
        return false;
    }

    private static void send(Socket client, String text) throws Exception {
        OutputStream out = client.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
