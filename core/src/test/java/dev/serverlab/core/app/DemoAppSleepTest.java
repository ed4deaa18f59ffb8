package dev.serverlab.core.app;

import static dev.serverlab.core.app.Requests.get;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.http.Response;
import dev.serverlab.core.http.Status;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DemoAppSleepTest {

    private final DemoApp app = new DemoApp(new ServerStats(), Optional.empty());

    @ParameterizedTest
    @ValueSource(strings = {"-1", "10001", "abc", "", "+5", "-0", "1.5", "1e3", "99999999999999999999", "%31", " 1"})
    void sleepAnswers400WithTheReasonForAnythingButAnIntegerFrom0To10000(String ms) {
        Response response = app.handle(get("/sleep/" + ms));
        assertThat(response.status()).isEqualTo(Status.BAD_REQUEST);
        assertThat(response.headers().first("Content-Type")).contains("text/plain");
        assertThat(response.body()).asString(UTF_8).contains("0 to 10000");
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "00, 0", "000000000000000000000001, 1", "10000, 10000", "09, 9"})
    void sleepReadsDecimalMillisecondsIncludingLeadingZeros(String ms, long millis) {
        assertThat(DemoApp.sleepMillis(ms)).isEqualTo(millis);
    }

    @Test
    void sleepZeroAnswers200Immediately() {
        Response response = app.handle(get("/sleep/0"));
        assertThat(response.status()).isEqualTo(Status.OK);
        assertThat(response.headers().first("Content-Type")).contains("text/plain");
        assertThat(response.body()).asString(UTF_8).isEqualTo("slept 0 ms");
    }

    /** A lower bound only: a sleep never ends early, but a busy machine may end it late. */
    @Test
    void sleepBlocksTheCallingThreadAtLeastThatLong() {
        long start = System.nanoTime();
        Response response = app.handle(get("/sleep/50"));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(50);
        assertThat(response.body()).asString(UTF_8).isEqualTo("slept 50 ms");
    }

    /** An already-interrupted thread makes Thread.sleep throw at once: no timing needed. */
    @Test
    void interruptedSleepAnswers503AndKeepsTheInterruptFlag() {
        Thread.currentThread().interrupt();
        Response response;
        try {
            response = app.handle(get("/sleep/10000"));
        } finally {
            assertThat(Thread.interrupted()).as("interrupt flag restored").isTrue();
        }
        assertThat(response.status()).isEqualTo(Status.SERVICE_UNAVAILABLE);
        assertThat(response.body()).asString(UTF_8).contains("interrupted");
        // RFC 9110 §10.2.3: a 503 says when to come back, like the server's own "busy" 503.
        assertThat(response.headers().first("Retry-After")).contains("1");
    }
}
