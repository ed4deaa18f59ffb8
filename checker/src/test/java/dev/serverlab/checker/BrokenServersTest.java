package dev.serverlab.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checker against servers with one classic mistake each
 * ({@link BrokenServer}): the checks aimed at the mistake fail, and the
 * output names it.
 */
class BrokenServersTest {

    @Test
    void responseWithoutContentLengthFailsWithTheHint() {
        CheckerRun run = CheckerRun.check("01", List.of("--only", "echo returns"), BrokenServer.class,
                "no-content-length");
        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.out()).contains("routes: echo returns the text as plain text … FAILED",
                "GET /echo/hello HTTP/1.1\\r\\n", "hint: every response needs Content-Length");
    }

    @Test
    void closingAfterTheFirstResponseFailsKeepAliveWithTheHint() {
        CheckerRun run = CheckerRun.check("06", List.of("--only", "request sent one byte at a time on a kept"),
                BrokenServer.class, "close-after-first");
        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.out()).contains("FAILED", "hint: your server closed the connection after a response");
    }

    @Test
    void ignoringConnectionCloseFailsWithTheHint() {
        CheckerRun run = CheckerRun.check("01", List.of("--only", "answers with connection close"),
                BrokenServer.class, "ignore-close");
        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.out()).contains("one-request-per-connection: answers with connection close and closes … FAILED",
                "hint: send \"Connection: close\" in the response and close the socket");
    }

    @Test
    void crashingOnABadRequestFailsWithTheServersLastWords() {
        CheckerRun run = CheckerRun.check("02", List.of("--only", "half closes mid request"),
                BrokenServer.class, "crash-on-bad");
        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.out()).contains("bad-input: client that half closes mid request gets 400 … FAILED",
                "hint: your server exited (status 1) during this check",
                "| Exception in thread \"main\" java.lang.IllegalStateException: could not read the request");
    }
}
