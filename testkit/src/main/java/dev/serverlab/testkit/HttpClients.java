package dev.serverlab.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The JDK's {@link HttpClient}, the real client most Java code would use,
 * set up for loopback tests: HTTP/1.1, bounded timeouts.
 */
public final class HttpClients {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private HttpClients() {
    }

    /** A new client: its own connection pool, so tests do not share connections. */
    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** {@code http://localhost:PORT/path}. */
    public static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A GET request builder with a bounded timeout. */
    public static HttpRequest.Builder get(int port, String path) {
        return HttpRequest.newBuilder(uri(port, path)).timeout(TIMEOUT).GET();
    }

    /** Sends a GET and returns the body as text. */
    public static HttpResponse<String> getText(HttpClient client, int port, String path)
            throws IOException, InterruptedException {
        return client.send(get(port, path).build(), HttpResponse.BodyHandlers.ofString());
    }
}
