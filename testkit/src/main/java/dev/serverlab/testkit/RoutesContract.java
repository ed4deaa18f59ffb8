package dev.serverlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.net.StageServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of the contract (the route table in README.md), as seen from outside: raw bytes
 * for exact checks, the JDK's HttpClient where a real client matters. Each
 * test uses a fresh server and a single connection, so even stage 01, which
 * serves one connection and exits, can claim this contract.
 */
public interface RoutesContract extends StageUnderTest {

    @Test
    default void rootAnswers200WithEmptyBody(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            RawResponse response = Probes.exchange(server.port(), Requests.get("/"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.version()).isEqualTo("HTTP/1.1");
            assertThat(response.header("Content-Length")).contains("0");
            assertThat(response.body()).isEmpty();
        }
    }

    @Test
    default void echoReturnsTheTextAsPlainText(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            RawResponse response = Probes.exchange(server.port(), Requests.get("/echo/hello"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
            assertThat(response.header("Content-Length")).contains("5");
            assertThat(response.bodyText()).isEqualTo("hello");
        }
    }

    @Test
    default void echoIsGzippedForAClientThatAcceptsGzip(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            HttpClient client = HttpClients.newClient();
            HttpResponse<byte[]> response = client.send(
                    HttpClients.get(server.port(), "/echo/squeeze-me").header("Accept-Encoding", "br, gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
            assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
            byte[] plain = new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes();
            assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo("squeeze-me");
        }
    }

    @Test
    default void echoIsPlainForAClientThatAcceptsOnlyOtherCodings(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            RawResponse response = Probes.exchange(server.port(),
                    Requests.get("/echo/plain", "Accept-Encoding: br, deflate"));
            assertThat(response.header("Content-Encoding")).isEmpty();
            assertThat(response.bodyText()).isEqualTo("plain");
        }
    }

    @Test
    default void userAgentIsSentBack(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            RawResponse response = Probes.exchange(server.port(),
                    Requests.get("/user-agent", "User-Agent: serverlab-test/1.0"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).isEqualTo("serverlab-test/1.0");
        }
    }

    @Test
    default void sleepAnswersAfterTheDelay(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            var timed = Parallel.timed(() -> Probes.exchange(server.port(), Requests.get("/sleep/200")));
            assertThat(timed.results().get(0).status()).isEqualTo(200);
            assertThat(timed.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(190));
        }
    }

    @Test
    default void sleepOutOfRangeIs400(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            assertThat(Probes.exchange(server.port(), Requests.get("/sleep/10001")).status()).isEqualTo(400);
        }
    }

    @NeedsOwnServer
    @Test
    default void existingFileIsServedAsOctetStream(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "some notes");
        try (StageServer server = startServer(dir)) {
            HttpResponse<String> response = HttpClients.getText(HttpClients.newClient(), server.port(), "/files/notes.txt");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/octet-stream");
            assertThat(response.body()).isEqualTo("some notes");
        }
    }

    @Test
    default void missingFileIs404(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            assertThat(Probes.exchange(server.port(), Requests.get("/files/nope.txt")).status()).isEqualTo(404);
        }
    }

    @NeedsOwnServer
    @Test
    default void postedFileIsWrittenToTheDirectory(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            HttpResponse<String> response = HttpClients.newClient().send(
                    HttpRequest.newBuilder(HttpClients.uri(server.port(), "/files/posted.txt"))
                            .POST(HttpRequest.BodyPublishers.ofString("posted body")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(Files.readString(dir.resolve("posted.txt"))).isEqualTo("posted body");
        }
    }

    @NeedsOwnServer
    @Test
    default void chunkedRequestBodyIsDecoded(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            RawResponse response = Probes.exchange(server.port(),
                    "POST /files/chunked.txt HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n");
            assertThat(response.status()).isEqualTo(201);
            assertThat(Files.readString(dir.resolve("chunked.txt"))).isEqualTo("hello, world");
        }
    }

    @NeedsOwnServer
    @Test
    default void statsIsJsonWithEveryCounter(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            RawResponse response = Probes.exchange(server.port(), Requests.get("/stats"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            assertThat(response.bodyText()).contains("\"accepted\":1", "\"active\":", "\"requests\":",
                    "\"rejected\":", "\"timed_out\":", "\"live_threads\":");
        }
    }

    @Test
    default void headHasGetsHeadersAndNoBody(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            HttpResponse<String> response = HttpClients.newClient().send(
                    HttpClients.get(server.port(), "/echo/abc").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Length")).contains("3");
            assertThat(response.body()).isEmpty();
        }
    }

    @Test
    default void unknownPathIs404(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            assertThat(Probes.exchange(server.port(), Requests.get("/no/such/route")).status()).isEqualTo(404);
        }
    }

    @Test
    default void wrongMethodIs405WithAllow(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            RawResponse response = Probes.exchange(server.port(), Requests.request("DELETE", "/echo/x"));
            assertThat(response.status()).isEqualTo(405);
            assertThat(response.header("Allow")).hasValueSatisfying(v -> assertThat(v).contains("GET"));
        }
    }

    /** RFC 9110 §15.5.10: the request conflicts with what is there; not the server's fault, so not 500. */
    @NeedsOwnServer
    @Test
    default void postOntoADirectoryIs409(@TempDir Path dir) throws Exception {
        Files.createDirectory(dir.resolve("sub"));
        try (StageServer server = startServer(dir)) {
            assertThat(Probes.exchange(server.port(), Requests.post("/files/sub", "x")).status()).isEqualTo(409);
            assertThat(dir.resolve("sub")).isDirectory();
        }
    }

    /** RFC 9112 §3.2.2: a server MUST accept the absolute form; it routes by the path. */
    @Test
    default void absoluteFormTargetIsRoutedByItsPath(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            RawResponse response = Probes.exchange(server.port(),
                    "GET http://localhost/echo/abs HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).isEqualTo("abs");
        }
    }

    /** RFC 9110 §9.3.7: {@code OPTIONS *} asks about the server as a whole. */
    @Test
    default void optionsAsteriskIs200WithAllow(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            RawResponse response = Probes.exchange(server.port(),
                    "OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Allow")).contains("GET, HEAD, POST");
        }
    }

    /** RFC 9110 §9.3.6, §15.6.2: CONNECT asks for a tunnel; a server that is no proxy does not implement it. */
    @Test
    default void connectIs501(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            RawResponse response = Probes.exchange(server.port(),
                    "CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).isEqualTo(501);
        }
    }

    @Test
    default void unknownMethodIs501AndMethodsAreCaseSensitive(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            assertThat(Probes.exchange(server.port(), Requests.request("Get", "/")).status()).isEqualTo(501);
        }
    }

    @Test
    default void defaultHttpClientIsServedDespiteItsH2cUpgradeOffer(@TempDir Path dir) throws Exception {
        // HttpClient's default version is HTTP/2; over plain http it sends an
        // HTTP/1.1 request offering "Upgrade: h2c", which a server may ignore.
        try (StageServer server = startServer(dir)) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
            HttpResponse<String> response = client.send(HttpClients.get(server.port(), "/echo/h2c").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(response.body()).isEqualTo("h2c");
        }
    }

    @Test
    default void requestSentOneByteAtATimeIsServed(@TempDir Path dir) throws IOException {
        try (StageServer server = startServer(dir); RawClient client = RawClient.connect(server.port())) {
            RawResponse response = client.sendByteByByte(Requests.get("/echo/slowly")).readResponse();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).isEqualTo("slowly");
        }
    }
}
