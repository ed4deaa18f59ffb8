package dev.serverlab.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.http.Response;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A refused connection gets its 503 at once and its lingering close on a platform thread, not the caller's. */
class LingeringCloserTest {

    @Test
    void refuseAnswersThenLingersOnAPlatformThreadOffTheCallersThread() throws Exception {
        try (ServerSocket listener = Sockets.listen(0);
             Socket client = new Socket("127.0.0.1", listener.getLocalPort())) {
            Socket accepted = listener.accept();
            CompletableFuture<Thread> closer = new CompletableFuture<>();
            BlockingExchange.refuse(accepted, Response.busy(), () -> closer.complete(Thread.currentThread()));

            InputStream in = client.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1); // until the server's FIN
            assertThat(answer).startsWith("HTTP/1.1 503 ").contains("Retry-After: 1", "Connection: close");
            client.close(); // our EOF ends the linger

            Thread thread = closer.get(10, TimeUnit.SECONDS);
            assertThat(thread).isNotSameAs(Thread.currentThread());
            assertThat(thread.isVirtual()).as("virtual threads are chapter 08's, not 04-06's").isFalse();
            assertThat(thread.getName()).startsWith("refused-linger-");
            assertThat(accepted.isClosed()).isTrue();
        }
    }
}
