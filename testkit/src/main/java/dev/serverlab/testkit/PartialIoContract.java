package dev.serverlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.net.StageServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partial I/O and slow clients, for stages that hold many connections on few
 * threads (07, 08): a response that does not fit the socket's buffers is
 * written in pieces, as the client reads; a client that does not read at all
 * must cost only its own connection; a request that trickles in, piece by
 * piece, is assembled whole.
 */
public interface PartialIoContract extends StageUnderTest {

    /** Large enough that no socket buffer on loopback holds it all. */
    int LARGE_FILE_BYTES = 8 * 1024 * 1024;
    Duration PROMPTLY = Duration.ofSeconds(5);

    /**
     * A client asks for 8 MiB and never reads: the server cannot push it all
     * out, and must go on serving a second client meanwhile. Then the stalled
     * client reads, and gets every byte, in order.
     */
    @NeedsOwnServer
    @Test
    default void clientThatNeverReadsDoesNotDelayAnother(@TempDir Path dir) throws Exception {
        byte[] content = randomBytes(LARGE_FILE_BYTES, 7);
        Files.write(dir.resolve("big.bin"), content);
        try (StageServer server = startServer(dir);
             Socket stalled = connectWithSmallReceiveBuffer(server.port())) {
            stalled.getOutputStream().write(ascii(Requests.get("/files/big.bin")));
            Polling.until(() -> StatsSource.of(server).requests() >= 1, PROMPTLY);

            var other = Parallel.timed(() -> Probes.exchange(server.port(), Requests.get("/echo/unaffected")));
            assertThat(other.results().get(0).bodyText()).isEqualTo("unaffected");
            assertThat(other.elapsed()).as("served while 8 MiB wait for a client that does not read")
                    .isLessThan(PROMPTLY);

            assertThat(readBody(stalled.getInputStream(), 0, Duration.ZERO)).isEqualTo(content);
        }
    }

    /** A reader that takes 4 KiB at a time, pausing between reads, gets the whole file in order. */
    @NeedsOwnServer
    @Test
    default void largeResponseToASlowReaderArrivesCompleteAndInOrder(@TempDir Path dir) throws Exception {
        byte[] content = randomBytes(1024 * 1024, 11);
        Files.write(dir.resolve("one-mib.bin"), content);
        try (StageServer server = startServer(dir);
             Socket slow = connectWithSmallReceiveBuffer(server.port())) {
            slow.getOutputStream().write(ascii(Requests.get("/files/one-mib.bin")));
            assertThat(readBody(slow.getInputStream(), 4096, Duration.ofMillis(1))).isEqualTo(content);
        }
    }

    /** An upload sent 1 KiB per write is stored whole: the server assembles it from pieces. */
    @NeedsOwnServer
    @Test
    default void uploadSentInSmallPiecesIsStoredWhole(@TempDir Path dir) throws Exception {
        byte[] content = randomBytes(256 * 1024, 13);
        try (StageServer server = startServer(dir);
             RawClient client = RawClient.connect(server.port())) {
            client.sendInPieces(ascii("POST /files/up.bin HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                    + content.length + "\r\n\r\n"), 7);
            client.sendInPieces(content, 1024);
            assertThat(client.readResponse().status()).isEqualTo(201);
            assertThat(Files.readAllBytes(dir.resolve("up.bin"))).isEqualTo(content);
        }
    }

    private static Socket connectWithSmallReceiveBuffer(int port) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(8 * 1024); // before connect, so the kernel advertises a small window
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout((int) RawClient.DEFAULT_TIMEOUT.toMillis());
        return socket;
    }

    /**
     * Reads one response's head, then exactly Content-Length body bytes.
     *
     * @param piece bytes per read, 0 for as many as available
     * @param pause how long to wait between reads: the slowness is the experiment
     */
    private static byte[] readBody(InputStream raw, int piece, Duration pause) throws Exception {
        InputStream in = piece == 0 ? new BufferedInputStream(raw, 64 * 1024) : raw;
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed in the response head");
            }
            head.write(b);
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        assertThat(headText).startsWith("HTTP/1.1 200");
        int length = Integer.parseInt(headText.replaceAll("(?is).*\r\ncontent-length:\\s*(\\d+).*", "$1"));
        byte[] body = new byte[length];
        int got = 0;
        while (got < length) {
            int n = in.read(body, got, piece == 0 ? length - got : Math.min(piece, length - got));
            if (n < 0) {
                throw new EOFException("closed after " + got + " of " + length + " body bytes");
            }
            got += n;
            if (!pause.isZero()) {
                Thread.sleep(pause);
            }
        }
        return body;
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
