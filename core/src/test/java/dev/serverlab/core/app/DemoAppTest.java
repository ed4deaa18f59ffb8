package dev.serverlab.core.app;

import static dev.serverlab.core.app.Requests.get;
import static dev.serverlab.core.app.Requests.request;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.http.Response;
import dev.serverlab.core.http.Status;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dispatch, the small routes and /stats. Echo, sleep and files have their own classes. */
class DemoAppTest {

    @TempDir
    Path dir;

    private final ServerStats stats = new ServerStats();

    private DemoApp app() {
        return new DemoApp(stats, Optional.of(dir));
    }

    @Test
    void rootAnswers200WithAnEmptyBody() {
        Response response = app().handle(get("/"));
        assertThat(response.status()).isEqualTo(Status.OK);
        assertThat(response.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/index.html", "/echo", "/files", "/sleep", "/stats/", "/user-agent/x", "//"})
    void unknownPathAnswers404WithATextBody(String target) {
        Response response = app().handle(get(target));
        assertThat(response.status()).isEqualTo(Status.NOT_FOUND);
        assertThat(response.headers().first("Content-Type")).contains("text/plain");
        assertThat(response.body()).asString(UTF_8).contains(target);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "POST    | /            | GET, HEAD",
        "PUT     | /echo/hi     | GET, HEAD",
        "DELETE  | /user-agent  | GET, HEAD",
        "POST    | /sleep/0     | GET, HEAD",
        "OPTIONS | /stats       | GET, HEAD",
        "PUT     | /files/a.txt | GET, HEAD, POST",
        "DELETE  | /files/a.txt | GET, HEAD, POST",
        "PATCH   | /files/a.txt | GET, HEAD, POST",
    })
    void knownPathWithWrongMethodAnswers405WithAllow(String method, String target, String allow) {
        Response response = app().handle(request(method, target));
        assertThat(response.status()).isEqualTo(Status.METHOD_NOT_ALLOWED);
        assertThat(response.headers().first("Allow")).contains(allow);
        assertThat(response.body()).asString(UTF_8).contains(method);
    }

    /** 501 comes first: an unknown method is unknown on every path, known or not. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Get    | /",
        "get    | /echo/hi",
        "FETCH  | /",
        "BREW   | /nope",
        "PROPFIND | /files/a",
    })
    void unknownMethodAnswers501EvenOnKnownPaths(String method, String target) {
        Response response = app().handle(request(method, target));
        assertThat(response.status()).isEqualTo(Status.NOT_IMPLEMENTED);
        assertThat(response.body()).asString(UTF_8).contains(method);
    }

    /** The encoder drops HEAD's body; the app must give the same status and headers as GET. */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/echo/hi", "/user-agent", "/sleep/0", "/stats", "/files/missing", "/nope"})
    void headIsAnsweredExactlyAsGet(String target) {
        Response viaGet = app().handle(get(target, "User-Agent", "t", "Accept-Encoding", "gzip"));
        Response viaHead = app().handle(request("HEAD", target, "User-Agent", "t", "Accept-Encoding", "gzip"));
        assertThat(viaHead.status()).isEqualTo(viaGet.status());
        assertThat(viaHead.headers().fields()).isEqualTo(viaGet.headers().fields());
        if (!target.equals("/stats")) { // the counters moved between the two calls
            assertThat(viaHead.body()).isEqualTo(viaGet.body());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/?x=1 | 200", "/echo/hi?q=/../x | 200", "/nope?/ | 404", "/stats?a | 200"})
    void queryStringIsIgnoredForRouting(String target, int status) {
        assertThat(app().handle(get(target)).status().code()).isEqualTo(status);
    }

    /** RFC 9110 §9.3.6, §15.6.2: a server that is no proxy does not implement CONNECT. */
    @Test
    void connectIsNotImplemented() {
        assertThat(app().handle(request("CONNECT", "example.com:443")).status()).isEqualTo(Status.NOT_IMPLEMENTED);
    }

    @Test
    void optionsAsteriskDescribesTheServerAsAWhole() {
        Response response = app().handle(request("OPTIONS", "*"));
        assertThat(response.status()).isEqualTo(Status.OK);
        assertThat(response.headers().first("Allow")).contains("GET, HEAD, POST");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void userAgentEchoesTheHeaderBytesAsSent() {
        Response response = app().handle(get("/user-agent", "User-Agent", "curl/8.5.0 (caf\u00e9)"));
        assertThat(response.status()).isEqualTo(Status.OK);
        assertThat(response.headers().first("Content-Type")).contains("text/plain");
        assertThat(response.body()).asString(ISO_8859_1).isEqualTo("curl/8.5.0 (caf\u00e9)");
    }

    @Test
    void userAgentIsEmptyWithoutTheHeader() {
        Response response = app().handle(get("/user-agent"));
        assertThat(response.status()).isEqualTo(Status.OK);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void statsServesJsonWithEveryCounterName() {
        Response response = app().handle(get("/stats"));
        assertThat(response.status()).isEqualTo(Status.OK);
        assertThat(response.headers().first("Content-Type")).contains("application/json");
        assertThat(response.body()).asString(UTF_8)
                .startsWith("{").endsWith("}")
                .contains("\"accepted\":", "\"active\":", "\"requests\":", "\"rejected\":",
                        "\"timed_out\":", "\"live_threads\":");
    }

    /** Every request counts, the bad ones too: the counter is what the server handled. */
    @Test
    void everyHandledRequestIsCounted() {
        DemoApp app = app();
        app.handle(get("/"));
        app.handle(get("/nope"));
        app.handle(request("Get", "/"));
        app.handle(get("/sleep/abc"));
        assertThat(stats.snapshot().requests()).isEqualTo(4);
        assertThat(app.handle(get("/stats")).body()).asString(UTF_8).contains("\"requests\":5");
    }
}
