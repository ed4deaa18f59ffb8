package dev.serverlab.core.app;

import static dev.serverlab.core.app.Requests.get;
import static dev.serverlab.core.app.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlab.core.http.Response;
import dev.serverlab.core.http.Status;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutesTest {

    /** Each action answers with its name and the rest it was given, so a test sees who ran. */
    private final Routes routes = new Routes()
            .get("/", (req, rest) -> Response.text(Status.OK, "root"))
            .get("/stats", (req, rest) -> Response.text(Status.OK, "stats"))
            .get("/echo/{text}", (req, rest) -> Response.text(Status.OK, "echo:" + rest))
            .get("/files/{name}", (req, rest) -> Response.text(Status.OK, "get:" + rest))
            .post("/files/{name}", (req, rest) -> Response.text(Status.CREATED, "post:" + rest));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET  | /              | root",
        "GET  | /stats         | stats",
        "GET  | /echo/a%2Fb/c  | echo:a%2Fb/c",
        "GET  | /echo/         | echo:",
        "HEAD | /echo/x        | echo:x",
        "GET  | /files/n       | get:n",
        "POST | /files/n       | post:n",
        "GET  | /stats?x=1     | stats",
    })
    void runsTheRouteMatchingMethodAndPathWithTheRestStillEncoded(String method, String target, String body) {
        Response response = routes.dispatch(request(method, target));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/nope", "/stats/", "/statsx", "/echo", "/files", "''"})
    void answers404WhenNoRouteHasThePath(String target) {
        Response response = routes.dispatch(get(target));
        assertThat(response.status()).isEqualTo(Status.NOT_FOUND);
        assertThat(response.headers().contains("Allow")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "POST   | /         | GET, HEAD",
        "DELETE | /echo/x   | GET, HEAD",
        "PUT    | /files/n  | GET, HEAD, POST",
        "POST   | /stats    | GET, HEAD",
    })
    void answers405WithAllowListingTheMethodsThatWouldWork(String method, String target, String allow) {
        Response response = routes.dispatch(request(method, target));
        assertThat(response.status()).isEqualTo(Status.METHOD_NOT_ALLOWED);
        assertThat(response.headers().first("Allow")).contains(allow);
    }

    @Test
    void refusesPatternsWithAPlaceholderAnywhereButTheEnd() {
        assertThatThrownBy(() -> new Routes().get("/a/{x}/b", (req, rest) -> Response.of(Status.OK)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
