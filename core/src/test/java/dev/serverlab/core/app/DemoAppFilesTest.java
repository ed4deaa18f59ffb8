package dev.serverlab.core.app;

import static dev.serverlab.core.app.Requests.get;
import static dev.serverlab.core.app.Requests.post;
import static dev.serverlab.core.app.Requests.request;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.http.Response;
import dev.serverlab.core.http.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /files/{name}} over a served directory inside a temporary root, so a
 * test can check that nothing was read from or written to the root around it.
 */
class DemoAppFilesTest {

    @TempDir
    Path root;

    private Path served;
    private DemoApp app;

    @BeforeEach
    void serveADirectoryBesideASecret() throws IOException {
        served = Files.createDirectory(root.resolve("served"));
        Files.writeString(root.resolve("secret"), "outside");
        app = new DemoApp(new ServerStats(), Optional.of(served));
    }

    @Test
    void postThenGetRoundTripsTheBytes() {
        Response created = app.handle(post("/files/notes.txt", "hello, files"));
        assertThat(created.status()).isEqualTo(Status.CREATED);
        assertThat(served.resolve("notes.txt")).hasContent("hello, files");

        Response read = app.handle(get("/files/notes.txt"));
        assertThat(read.status()).isEqualTo(Status.OK);
        assertThat(read.headers().first("Content-Type")).contains("application/octet-stream");
        assertThat(read.body()).asString(UTF_8).isEqualTo("hello, files");
    }

    @Test
    void getServesBinaryFilesUnchanged() throws IOException {
        byte[] bytes = {0, (byte) 0x80, (byte) 0xff, '\r', '\n'};
        Files.write(served.resolve("blob.bin"), bytes);
        assertThat(app.handle(get("/files/blob.bin")).body()).isEqualTo(bytes);
    }

    @Test
    void postReplacesAnExistingFile() {
        app.handle(post("/files/f", "first"));
        app.handle(post("/files/f", "second"));
        assertThat(app.handle(get("/files/f")).body()).asString(UTF_8).isEqualTo("second");
    }

    @Test
    void namesArePercentDecodedOnce() {
        assertThat(app.handle(post("/files/my%20file.txt", "x")).status()).isEqualTo(Status.CREATED);
        assertThat(served.resolve("my file.txt")).exists();
        assertThat(app.handle(post("/files/%252e%252e", "x")).status()).isEqualTo(Status.CREATED);
        assertThat(served.resolve("%2e%2e")).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing", "sub"})
    void getAnswers404UnlessTheNameIsARegularFile(String name) throws IOException {
        Files.createDirectory(served.resolve("sub"));
        Response response = app.handle(get("/files/" + name));
        assertThat(response.status()).isEqualTo(Status.NOT_FOUND);
        assertThat(response.body()).asString(UTF_8).isNotEmpty();
    }

    /** Every form of "leave the directory": raw, encoded, mixed case, doubled, overlong UTF-8. */
    @ParameterizedTest
    @ValueSource(strings = {
        "", ".", "..", "%2e", "%2e%2e", "%2E%2E", ".%2e", "%2e.",
        "../secret", "..%2fsecret", "%2e%2e%2fsecret", "%2E%2E%2Fsecret", "..%2f..%2fetc%2fpasswd",
        "..%5csecret", "%2e%2e%5csecret", "..\\secret", "a%5cb", "a\\b",
        "a/b", "a%2fb", "sub/../../secret", "%2fetc%2fpasswd",
        "%00", "a%00b", "secret%00.txt", "a\u0000b",
        "%c0%ae%c0%ae%c0%afsecret", "a..b",
        "%", "%2", "%zz", "%ff",
    })
    void refusesEveryEscapingOrMalformedNameWith400(String name) throws IOException {
        for (String method : List.of("GET", "HEAD", "POST")) {
            Response response = app.handle(request(method, "/files/" + name, "overwritten".getBytes(UTF_8)));
            assertThat(response.status()).as(method + " " + name).isEqualTo(Status.BAD_REQUEST);
            assertThat(response.headers().first("Content-Type")).contains("text/plain");
            assertThat(response.body()).asString(UTF_8).doesNotContain("outside");
        }
        assertThat(root.resolve("secret")).hasContent("outside");
        assertThat(allFilesUnder(root)).containsExactlyInAnyOrder(root.resolve("secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "POST"})
    void withoutADirectoryFilesAnswers404SayingHowToTurnThemOn(String method) {
        DemoApp noFiles = new DemoApp(new ServerStats(), Optional.empty());
        Response response = noFiles.handle(request(method, "/files/a.txt", "x".getBytes(UTF_8)));
        assertThat(response.status()).isEqualTo(Status.NOT_FOUND);
        assertThat(response.body()).asString(UTF_8).contains("--directory");
    }

    /** The client's request conflicts with what is there (RFC 9110 §15.5.10): 409, and the directory is left alone. */
    @Test
    void postOntoADirectoryAnswers409() throws IOException {
        Path dir = Files.createDirectory(served.resolve("sub"));
        Files.writeString(dir.resolve("kept"), "inside");
        Response response = app.handle(post("/files/sub", "x"));
        assertThat(response.status()).isEqualTo(Status.CONFLICT);
        assertThat(dir).isDirectory();
        assertThat(dir.resolve("kept")).hasContent("inside");
        assertThat(allFilesUnder(served)).containsExactly(dir.resolve("kept")); // no temporary file left behind
    }

    /** The server's fault, not the client's: the directory went away under it. */
    @Test
    void writeFailureAnswers500() throws IOException {
        DemoApp gone = new DemoApp(new ServerStats(), Optional.of(root.resolve("does-not-exist")));
        Response response = gone.handle(post("/files/a.txt", "x"));
        assertThat(response.status()).isEqualTo(Status.INTERNAL_SERVER_ERROR);
        assertThat(response.body()).asString(UTF_8).doesNotContain(root.toString());
        assertThat(allFilesUnder(root)).containsExactlyInAnyOrder(root.resolve("secret"));
    }

    private static List<Path> allFilesUnder(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}
