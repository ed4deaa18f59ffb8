package dev.serverlab.core.app;

import static dev.serverlab.core.app.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.http.Response;
import dev.serverlab.core.http.Status;
import org.junit.jupiter.api.Test;

/** {@link Handler#answer}: the one place where what the application does wrong becomes a 500. */
class HandlerAnswerTest {

    @Test
    void aThrowingHandlerBecomes500() {
        Handler failing = request -> {
            throw new IllegalStateException("boom");
        };
        assertThat(failing.answer(get("/")).status()).isEqualTo(Status.INTERNAL_SERVER_ERROR);
    }

    @Test
    void aResponseWithAHeaderTheEncoderRefusesBecomes500WithoutThatHeader() {
        Handler splitting = request -> Response.of(Status.OK).withHeader("X-A", "a\r\nSet-Cookie: x=1");
        Response answer = splitting.answer(get("/"));
        assertThat(answer.status()).isEqualTo(Status.INTERNAL_SERVER_ERROR);
        assertThat(answer.headers().contains("X-A")).isFalse();
    }

    @Test
    void aGoodResponseIsPassedOnUnchanged() {
        Response ok = Response.text(Status.OK, "hi");
        Handler fine = request -> ok;
        assertThat(fine.answer(get("/"))).isSameAs(ok);
    }
}
