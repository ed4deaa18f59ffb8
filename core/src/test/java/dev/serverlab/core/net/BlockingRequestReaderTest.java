package dev.serverlab.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.http.HttpLimits;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a keep-alive loop asks after each response: has the next request
 * begun? {@code nextRequestBegun} answers from the bytes already read (no
 * system call); {@code hasBufferedInput} also asks the kernel.
 */
class BlockingRequestReaderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aPipelinedRequestReadWithTheFirstCountsAsBegunUntilItIsTaken() throws Exception {
        try (ServerSocket listener = Sockets.listen(0);
             Socket client = new Socket("127.0.0.1", listener.getLocalPort());
             Socket accepted = listener.accept()) {
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
        try (ServerSocket listener = Sockets.listen(0);
             Socket client = new Socket("127.0.0.1", listener.getLocalPort());
             Socket accepted = listener.accept()) {
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

    private static void send(Socket client, String text) throws Exception {
        OutputStream out = client.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
