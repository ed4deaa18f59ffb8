package dev.serverlab.core.app;

import static dev.serverlab.core.app.Requests.get;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.http.Response;
import dev.serverlab.core.http.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DemoAppEchoTest {

    private final DemoApp app = new DemoApp(new ServerStats(), Optional.empty());

    @ParameterizedTest(name = "[{index}] {0} -> \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "/echo/hello               | hello",
        "/echo/                    | \"\"",
        "/echo/hello%20world       | hello world",
        "/echo/a/b/c               | a/b/c",
        "/echo/a%2Fb               | a/b",
        "/echo/caf%C3%A9           | café",
        "/echo/1+1%3D2             | 1+1=2",
        "/echo/%25                 | %",
    })
    void echoAnswersThePercentDecodedText(String target, String text) {
        Response response = app.handle(get(target));
        assertThat(response.status()).isEqualTo(Status.OK);
        assertThat(response.headers().first("Content-Type")).contains("text/plain");
        assertThat(response.headers().contains("Content-Encoding")).isFalse();
        assertThat(response.body()).asString(UTF_8).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/echo/%", "/echo/abc%2", "/echo/%zz"})
    void echoAnswers400ForAMalformedEscape(String target) {
        Response response = app.handle(get(target));
        assertThat(response.status()).isEqualTo(Status.BAD_REQUEST);
        assertThat(response.body()).asString(UTF_8).contains("percent-escape");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "gzip;q=0.5", "deflate, gzip", "br, gzip;q=1.0"})
    void echoIsGzippedWhenAcceptEncodingListsGzip(String acceptEncoding) throws IOException {
        Response response = app.handle(get("/echo/compress%20me", "Accept-Encoding", acceptEncoding));
        assertThat(response.status()).isEqualTo(Status.OK);
        assertThat(response.headers().first("Content-Encoding")).contains("gzip");
        assertThat(response.headers().first("Content-Type")).contains("text/plain");
        assertThat(gunzip(response.body())).asString(UTF_8).isEqualTo("compress me");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip;q=0", "br", "deflate, br", "identity"})
    void echoIsNotCompressedWhenGzipIsAbsentOrRefused(String acceptEncoding) {
        Response response = app.handle(get("/echo/plain", "Accept-Encoding", acceptEncoding));
        assertThat(response.headers().contains("Content-Encoding")).isFalse();
        assertThat(response.body()).asString(UTF_8).isEqualTo("plain");
    }

    /** Compressed or not, the answer depends on Accept-Encoding, and a cache must know. */
    @ParameterizedTest
    @ValueSource(strings = {"gzip", "br"})
    void echoAlwaysSaysItVariesByAcceptEncoding(String acceptEncoding) {
        Response response = app.handle(get("/echo/x", "Accept-Encoding", acceptEncoding));
        assertThat(response.headers().all("Vary")).containsExactly("Accept-Encoding");
    }

    @Test
    void echoWithoutAcceptEncodingStillSaysVary() {
        assertThat(app.handle(get("/echo/x")).headers().first("Vary")).contains("Accept-Encoding");
    }

    @Test
    void gzipAppliesOnlyToEcho() {
        Response response = app.handle(get("/user-agent", "User-Agent", "u", "Accept-Encoding", "gzip"));
        assertThat(response.headers().contains("Content-Encoding")).isFalse();
        assertThat(response.body()).asString(UTF_8).isEqualTo("u");
    }

    private static byte[] gunzip(byte[] compressed) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }
}
