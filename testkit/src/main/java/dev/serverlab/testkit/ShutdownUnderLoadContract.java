package dev.serverlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while keep-alive traffic runs, for the stages that keep
 * connections (06, 07, 08), run as a user runs them: in a child JVM.
 * {@value #CLIENTS} clients send requests back to back on persistent
 * connections, some of them slow ({@code /sleep}), and the server is told
 * to stop in the middle. What must hold:
 * <ul>
 *   <li>every response whose first byte was sent arrives whole — nothing
 *       half-written;</li>
 *   <li>a connection ends only after a response that said
 *       {@code Connection: close}, or between requests, before any byte of
 *       the next response (a client may retry such a request, RFC 9112 §9.3.1);</li>
 *   <li>the process exits 0 within its drain timeout.</li>
 * </ul>
 */
public interface ShutdownUnderLoadContract {

    int CLIENTS = 4;
    /** Responses before the signal: enough that every client is mid-stream. */
    int WARM_UP_RESPONSES = 200;
    /** Every fifth request sleeps this long on the server, so some are in flight at the signal. */
    int SLEEP_MILLIS = 150;
    /** The stages' default drain timeout, plus room for the JVM to start and stop. */
    Duration EXIT_WITHIN = Duration.ofSeconds(15);
    Duration CLIENT_LIMIT = Duration.ofSeconds(60);

    /** The stage's entry point, run with {@code --port 0} and its defaults. */
    Class<?> mainClass();

    @Test
    default void sigtermUnderKeepAliveLoadFinishesEveryResponseBegun() throws Exception {
        try (ChildJvm child = ChildJvm.start(mainClass(), "--port", "0")) {
            int port = child.awaitListeningPort();
            AtomicInteger complete = new AtomicInteger();
            AtomicInteger saidClose = new AtomicInteger();
            AtomicInteger closedBetween = new AtomicInteger();
            ConcurrentLinkedQueue<String> broken = new ConcurrentLinkedQueue<>();
            CountDownLatch warmedUp = new CountDownLatch(WARM_UP_RESPONSES);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int id = c;
                clients.add(Thread.ofPlatform().daemon().name("keep-alive-client-" + c).start(() ->
                        runClient(id, port, complete, saidClose, closedBetween, broken, warmedUp)));
            }
            Polling.until("traffic flowing", () -> warmedUp.getCount() == 0 || !broken.isEmpty(), CLIENT_LIMIT);
            assertThat(broken).as("responses before the signal").isEmpty();

            child.terminate();
            assertThat(child.awaitExit(EXIT_WITHIN)).as("exit status after SIGTERM under load").isZero();
            for (Thread client : clients) {
                client.join(CLIENT_LIMIT.toMillis());
                assertThat(client.isAlive()).as("%s stopped once the server was gone", client.getName()).isFalse();
            }
            assertThat(broken).as("responses cut short or wrong").isEmpty();
            assertThat(complete.get()).isGreaterThanOrEqualTo(WARM_UP_RESPONSES);
            assertThat(saidClose.get() + closedBetween.get()).as("every connection ended one of the two clean ways")
                    .isGreaterThanOrEqualTo(CLIENTS);
        }
    }

    /**
     * One client: connection after connection, request after request, until
     * the server refuses new connections (it has stopped) or time runs out.
     */
    private static void runClient(int id, int port, AtomicInteger complete, AtomicInteger saidClose,
                                  AtomicInteger closedBetween, ConcurrentLinkedQueue<String> broken,
                                  CountDownLatch warmedUp) {
        long limit = System.nanoTime() + CLIENT_LIMIT.toNanos();
        int n = 0;
        while (System.nanoTime() < limit) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                socket.setSoTimeout((int) CLIENT_LIMIT.toMillis());
            } catch (IOException refused) {
                closeQuietly(socket);
                return; // the listener is closed: the server has stopped accepting
            }
            try (socket) {
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                while (System.nanoTime() < limit) {
                    n++;
                    String text = "c" + id + "-" + n;
                    String target = n % 5 == 0 ? "/sleep/" + SLEEP_MILLIS : "/echo/" + text;
                    try {
                        out.write(Requests.get(target).getBytes(StandardCharsets.ISO_8859_1));
                    } catch (IOException closed) {
                        closedBetween.incrementAndGet(); // closed before this request: nothing begun
                        break;
                    }
                    Answer answer = Answer.read(in);
                    if (answer == null) {
                        closedBetween.incrementAndGet(); // closed before any byte of a response
                        break;
                    }
                    String expected = target.startsWith("/echo/") ? text : "slept " + SLEEP_MILLIS + " ms";
                    if (answer.status() != 200 || !answer.body().equals(expected)) {
                        broken.add(target + " -> " + answer);
                        return;
                    }
                    complete.incrementAndGet();
                    warmedUp.countDown();
                    if (answer.saysClose()) {
                        saidClose.incrementAndGet();
                        if (in.read() >= 0) {
                            broken.add("bytes after a response that said Connection: close");
                        }
                        break;
                    }
                }
            } catch (IOException cutShort) {
                broken.add("client " + id + ": " + cutShort); // the response had begun: a half-written one
                return;
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing was open
        }
    }

    /** One whole response, read by its Content-Length. */
    record Answer(int status, boolean saysClose, String body) {

        /**
         * Null if the connection ended (EOF or reset) before the first byte;
         * throws if it ended after it, mid-response.
         */
        static Answer read(InputStream in) throws IOException {
            int first;
            try {
                first = in.read();
            } catch (IOException reset) {
                return null;
            }
            if (first < 0) {
                return null;
            }
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write(first);
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed in a response head: " + head.toString(StandardCharsets.ISO_8859_1));
                }
                head.write(b);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            String lower = text.toLowerCase(Locale.ROOT);
            int status = Integer.parseInt(text.split(" ", 3)[1]);
            int length = Integer.parseInt(lower.replaceAll("(?s).*\r\ncontent-length:\\s*(\\d+).*", "$1"));
            byte[] body = in.readNBytes(length);
            if (body.length < length) {
                throw new IOException("closed after " + body.length + " of " + length + " body bytes");
            }
            return new Answer(status, lower.contains("\r\nconnection: close\r\n"), new String(body, StandardCharsets.ISO_8859_1));
        }
    }
}
