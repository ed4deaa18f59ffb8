package dev.serverlab.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.http.HttpLimits;
import dev.serverlab.core.http.ParserPool;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a keep-alive loop asks after each response: has the next request
 * begun? {@code nextRequestBegun} answers from the bytes already read (no
 * system call); {@code hasBufferedInput} also asks the kernel. And what an
 * idle connection holds: no parser, which it borrows only while a request
 * is on its way.
 */
class BlockingRequestReaderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ParserPool pool = new ParserPool(HttpLimits.DEFAULTS);

    @Test
    void aPipelinedRequestReadWithTheFirstCountsAsBegunUntilItIsTaken() throws Exception {
        try (Loopback loopback = Loopback.open()) {
            Socket client = loopback.client();
            Socket accepted = loopback.accepted();
            send(client, "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n");
            BlockingRequestReader reader = new BlockingRequestReader(accepted, HttpLimits.DEFAULTS);

            assertThat(reader.readFirst(WAIT).target()).isEqualTo("/a");
            assertThat(reader.nextRequestBegun()).as("/b arrived in the same read as /a").isTrue();
            assertThat(reader.read(WAIT, WAIT).target()).isEqualTo("/b");
            assertThat(reader.nextRequestBegun()).isFalse();
        }
    }

    @Test
    void bytesStillInTheKernelAreSeenOnlyByHasBufferedInput() throws Exception {
        try (Loopback loopback = Loopback.open()) {
            Socket client = loopback.client();
            Socket accepted = loopback.accepted();
            send(client, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
            BlockingRequestReader reader = new BlockingRequestReader(accepted, HttpLimits.DEFAULTS);
            assertThat(reader.readFirst(WAIT).target()).isEqualTo("/a");
            assertThat(reader.hasBufferedInput()).isFalse();

            send(client, "GET /b HTTP/1.1\r\nHost: x\r\n\r\n");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!reader.hasBufferedInput() && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // loopback delivers at once; poll rather than sleep
            }
            assertThat(reader.hasBufferedInput()).as("the kernel holds /b").isTrue();
            assertThat(reader.nextRequestBegun()).as("not read yet").isFalse();
        }
    }

    @Test
    void anIdleReaderHoldsNoParserAndGivesItsOneBackAfterEachRequest() throws Exception {
        try (Loopback loopback = Loopback.open()) {
            Socket client = loopback.client();
            BlockingRequestReader reader = new BlockingRequestReader(loopback.accepted(), pool);
            assertThat(reader.holdsParser()).as("connected, nothing sent").isFalse();

            send(client, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(reader.readFirst(WAIT).target()).isEqualTo("/a");
            assertThat(reader.holdsParser()).as("idle between requests").isFalse();
            assertThat(pool.spare()).as("the parser went back to the pool").isEqualTo(1);

            send(client, "GET /b HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(reader.read(WAIT, WAIT).target()).isEqualTo("/b");
            assertThat(reader.holdsParser()).isFalse();
            assertThat(pool.spare()).as("the same parser, borrowed and given back again").isEqualTo(1);
        }
    }

    @Test
    void pipelinedBytesKeepTheirParserUntilTheirRequestIsRead() throws Exception {
        try (Loopback loopback = Loopback.open()) {
            Socket client = loopback.client();
            send(client, "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHo");
            BlockingRequestReader reader = new BlockingRequestReader(loopback.accepted(), pool);

            assertThat(reader.readFirst(WAIT).target()).isEqualTo("/a");
            assertThat(reader.holdsParser()).as("half of /b is buffered in it").isTrue();
            assertThat(pool.spare()).isZero();

            send(client, "st: x\r\n\r\n");
            assertThat(reader.read(WAIT, WAIT).target()).isEqualTo("/b");
            assertThat(reader.holdsParser()).isFalse();
            assertThat(pool.spare()).isEqualTo(1);
        }
    }

    @Test
    void aClientThatClosesBetweenRequestsEndsTheReadWithoutBorrowing() throws Exception {
        try (Loopback loopback = Loopback.open()) {
            BlockingRequestReader reader = new BlockingRequestReader(loopback.accepted(), pool);
            loopback.client().close();
            assertThat(reader.readFirst(WAIT)).isNull();
            assertThat(reader.holdsParser()).isFalse();
        }
    }

    /** One loopback connection: the client's end and the end the server accepted. */
    private record Loopback(ServerSocket listener, Socket client, Socket accepted) implements AutoCloseable {

        static Loopback open() throws IOException {
            ServerSocket listener = Sockets.listen(0);
            Socket client = new Socket("127.0.0.1", listener.getLocalPort());
            return new Loopback(listener, client, listener.accept());
        }

        @Override
        public void close() throws IOException {
            accepted.close();
            client.close();
            listener.close();
        }
    }

    private static void send(Socket client, String text) throws Exception {
        OutputStream out = client.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
