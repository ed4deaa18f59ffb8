package dev.serverlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.net.StageServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that asks for a large response and never reads it, against a
 * blocking stage (05, 06, 08): once the socket buffers are full the server's
 * {@code write()} blocks, and Java gives blocking writes no timeout. The
 * stage must bound the stall anyway (serverlab closes the socket from a
 * watchdog after a read timeout without progress) so that the thread is
 * freed. The server here serves one connection at a time, so the normal
 * client that follows is served only if the stalled one's thread came back.
 *
 * <p>Stage 07 does not block on a write at all; its output bound per
 * connection is tested in its own suite and by {@link PartialIoContract}.
 */
public interface SlowReaderContract {

    /** Far beyond what the kernel buffers on loopback (4 MiB send side by default, 8 KiB receive). */
    int LARGE_FILE_BYTES = 16 * 1024 * 1024;
    Duration READ_TIMEOUT = Duration.ofMillis(300);
    Duration PROMPTLY = Duration.ofSeconds(10);

    /**
     * A started server serving files from {@code directory}, one connection
     * at a time (one worker, or one permit), with this read timeout.
     */
    StageServer startServerServingOneAtATime(Path directory, Duration readTimeout) throws IOException;

    @Test
    default void clientThatNeverReadsIsCutOffAndFreesItsThread(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("large.bin"), new byte[LARGE_FILE_BYTES]);
        try (StageServer server = startServerServingOneAtATime(dir, READ_TIMEOUT);
             Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(8 * 1024); // before connect: the kernel advertises a small window
            stalled.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
            long asked = System.nanoTime();
            stalled.getOutputStream().write(Requests.get("/files/large.bin").getBytes(StandardCharsets.ISO_8859_1));

            Polling.until("the stalled write counted as a timeout",
                    () -> StatsSource.of(server).timedOut() == 1, PROMPTLY);
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("not cut off before its bound")
                    .isGreaterThanOrEqualTo(READ_TIMEOUT);
            var normal = Parallel.timed(() -> Probes.exchange(server.port(), Requests.get("/echo/next")));
            assertThat(normal.results().get(0).bodyText()).as("served by the thread the stalled client held")
                    .isEqualTo("next");
            assertThat(normal.elapsed()).isLessThan(PROMPTLY);

            assertThat(bytesUntilClosed(stalled)).as("the stalled client got only part of the response")
                    .isLessThan(LARGE_FILE_BYTES);
        }
    }

    /** Reads everything until EOF or reset; the count of bytes received. */
    private static long bytesUntilClosed(Socket socket) throws IOException {
        socket.setSoTimeout((int) PROMPTLY.toMillis());
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the server never closed the stalled connection", stillOpen);
        } catch (IOException reset) {
            // closed under a full buffer: a reset is as good as an end here
        }
        return total;
    }
}
