package dev.serverlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.http.Response;
import dev.serverlab.core.http.Status;
import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bad-input row of the contract: the answer it must get, that the server
 * closes that connection, and that it goes on serving everyone else.
 * Needs a server that accepts more than one connection (stage 02 on).
 */
public interface BadInputContract extends StageUnderTest {

    /** The bad requests and their answers, one row of the contract each. */
    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("malformed request line", "GARBAGE\r\n\r\n", 400),
                Arguments.of("request line without version", "GET /\r\nHost: x\r\n\r\n", 400),
                Arguments.of("request line over 8 KiB", Requests.get("/echo/" + "a".repeat(9 * 1024)), 414),
                Arguments.of("header section over 64 KiB", Requests.get("/", bigHeaders(70)), 431),
                Arguments.of("body over 16 MiB", "POST /files/big HTTP/1.1\r\nHost: x\r\nContent-Length: 16777217\r\n\r\n", 413),
                Arguments.of("chunk over 16 MiB", "POST /files/big HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1000001\r\n", 413),
                Arguments.of("HTTP/2.0 request line", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
                Arguments.of("HTTP/3.0 request line", "GET / HTTP/3.0\r\nHost: x\r\n\r\n", 505),
                Arguments.of("Transfer-Encoding gzip", "POST /files/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
                Arguments.of("Content-Length and Transfer-Encoding",
                        "POST /files/x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                Arguments.of("invalid Content-Length", "POST /files/x HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 400),
                Arguments.of("negative Content-Length", "POST /files/x HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400),
                Arguments.of("conflicting Content-Length",
                        "POST /files/x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", 400),
                Arguments.of("HTTP/1.1 without Host", "GET / HTTP/1.1\r\n\r\n", 400),
                // RFC 9112 §3.2: a target that is none of the four forms, or an invalid Host, is a 400.
                Arguments.of("target not in origin form", "GET echo/x HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                Arguments.of("invalid Host", "GET / HTTP/1.1\r\nHost: x y\r\n\r\n", 400),
                Arguments.of("space before header colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400),
                // Smuggling and framing vectors (issue 10); the parser's table has the RFC cite for each.
                Arguments.of("obs-fold", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n", 400),
                Arguments.of("bare LF inside the request line", "GET /a\nb HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                Arguments.of("NUL in a header value", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n", 400),
                Arguments.of("Transfer-Encoding chunked, chunked",
                        "POST /files/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n", 400),
                Arguments.of("Transfer-Encoding identity",
                        "POST /files/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity\r\n\r\n", 501),
                Arguments.of("chunk size with a leading +",
                        "POST /files/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n+3\r\nabc\r\n0\r\n\r\n", 400),
                Arguments.of("Content-Length +5", "POST /files/x HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\nhello", 400),
                Arguments.of("two Host lines", "GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", 400),
                Arguments.of("method longer than 32 bytes", "A".repeat(33) + " / HTTP/1.1\r\nHost: x\r\n\r\n", 501));
    }

    private static String[] bigHeaders(int kib) {
        String[] lines = new String[kib];
        for (int i = 0; i < kib; i++) {
            lines[i] = "X-Filler-" + i + ": " + "f".repeat(1000);
        }
        return lines;
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badRequests")
    default void badRequestGetsItsStatusThenTheServerServesOthers(String what, String request, int status,
                                                                 @TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            try (RawClient client = RawClient.connect(server.port())) {
                RawResponse response = client.send(request).readResponse();
                assertThat(response.status()).as(what).isEqualTo(status);
                assertThat(response.header("Content-Length")).as("every response has Content-Length").isPresent();
                assertThat(response.saysClose()).as("announces the close").isTrue();
                assertThat(client.awaitClosedByServer(Duration.ofSeconds(5))).as("closes the connection").isTrue();
            }
            Probes.assertStillServes(server.port());
        }
    }

    /** File names that try to leave {@code --directory}, raw and percent-encoded. */
    static Stream<String> traversalNames() {
        return Stream.of("../escaped.txt", "..%2fescaped.txt", "%2e%2e%2fescaped.txt", "%2E%2E/escaped.txt",
                "..%5cescaped.txt", "..\\escaped.txt", "escaped.txt%00.png", "%2e%2e");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("file name that leaves --directory")
    @MethodSource("traversalNames")
    default void fileNameThatLeavesTheDirectoryIsRefused(String name, @TempDir Path root) throws Exception {
        Path dir = Files.createDirectory(root.resolve("files"));
        try (StageServer server = startServer(dir)) {
            RawResponse post = Probes.exchange(server.port(), Requests.post("/files/" + name, "pwned"));
            RawResponse get = Probes.exchange(server.port(), Requests.get("/files/" + name));
            assertThat(post.status()).as("POST " + name).isEqualTo(400);
            assertThat(get.status()).as("GET " + name).isEqualTo(400);
            try (Stream<Path> written = Files.walk(root)) {
                assertThat(written.filter(Files::isRegularFile)).as("nothing written anywhere").isEmpty();
            }
            Probes.assertStillServes(server.port());
        }
    }

    /**
     * Response splitting: whatever a handler puts in a header value, CR, LF
     * or NUL never reach the wire. The server answers 500 instead (see
     * {@code Handler.answer}), and the forged header is nowhere.
     */
    @InProcessOnly("serves a handler of the test's own, which writes CR or LF into a header")
    @ParameterizedTest(name = "value with {0}")
    @ValueSource(strings = {"CRLF", "LF", "NUL"})
    default void headerValueThatWouldSplitTheResponseBecomes500(String what) throws Exception {
        String sep = switch (what) {
            case "CRLF" -> "\r\n";
            case "LF" -> "\n";
            default -> "\0";
        };
        ServerConfig config = ServerConfig.onPort(0).withApplication(stats -> request ->
                Response.of(Status.OK).withHeader("X-Echo", "a" + sep + "Set-Cookie: forged=1"));
        try (StageServer server = startServer(config);
             RawClient client = RawClient.connect(server.port())) {
            RawResponse response = client.send(Requests.get("/")).readResponse();
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.header("Set-Cookie")).as("no forged header").isEmpty();
            assertThat(response.header("X-Echo")).as("the unsafe field is not written at all").isEmpty();
        }
    }

    @Test
    default void clientThatVanishesMidRequestCostsOnlyItsConnection(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir)) {
            try (RawClient client = RawClient.connect(server.port())) {
                client.send("POST /files/half HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly part");
            }
            Probes.assertStillServes(server.port());
            assertThat(Files.exists(dir.resolve("half"))).as("a half body is never stored").isFalse();
        }
    }

    /**
     * The end of the input is decided by the parser, the same in every stage:
     * a client that half-closes in the middle of a request gets 400 (the
     * request can never complete, RFC 9112 §8), then the close.
     */
    @Test
    default void clientThatHalfClosesMidRequestGets400(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir); RawClient client = RawClient.connect(server.port())) {
            client.send("POST /files/x HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhalf");
            client.shutdownOutput();
            RawResponse response = client.readResponse();
            assertThat(response.status()).isEqualTo(400);
            assertThat(client.awaitClosedByServer(Duration.ofSeconds(5))).isTrue();
            assertThat(Files.exists(dir.resolve("x"))).as("a half body is never stored").isFalse();
        }
    }

    /** ... while one that half-closes after a whole request still gets its answer, even a slow one. */
    @Test
    default void clientThatHalfClosesAfterAWholeRequestStillGetsItsAnswer(@TempDir Path dir) throws Exception {
        try (StageServer server = startServer(dir); RawClient client = RawClient.connect(server.port())) {
            client.send(Requests.get("/sleep/100"));
            client.shutdownOutput();
            assertThat(client.readResponse().status()).isEqualTo(200);
            assertThat(client.awaitClosedByServer(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    default void clientThatVanishesBeforeReadingItsResponseCostsOnlyItsConnection(@TempDir Path dir)
            throws Exception {
        try (StageServer server = startServer(dir)) {
            for (int i = 0; i < 20; i++) {
                try (RawClient client = RawClient.connect(server.port())) {
                    client.send(Requests.get("/echo/" + "x".repeat(4000)));
                }
            }
            Probes.assertStillServes(server.port());
        }
    }
}
