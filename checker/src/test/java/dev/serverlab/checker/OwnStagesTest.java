package dev.serverlab.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checker against our own stages: a stage passes its own checks, and
 * fails the checks of the stage after it that it cannot pass, each failure
 * explained. Each run is narrowed with {@code --only} so the suite stays
 * short; {@code ./check NN -- ./serve NN --port {port}} runs them all.
 */
class OwnStagesTest {

    @Test
    void stage01PassesItsOneRequestPerConnectionChecks() {
        CheckerRun run = CheckerRun.check("01", List.of("--only", "one-request"),
                dev.serverlab.singleconnection.Main.class);
        assertThat(run.status()).as("%s", run).isZero();
        assertThat(run.out()).contains("[stage-01] answers GET / within 3 s … ok",
                "[stage-01] one-request-per-connection: answers with connection close and closes … ok",
                "3 passed, 0 failed");
    }

    @Test
    void stage02PassesItsBadInputChecks() {
        CheckerRun run = CheckerRun.check("02", List.of("--only", "half closes"), dev.serverlab.sequential.Main.class);
        assertThat(run.status()).as("%s", run).isZero();
        assertThat(run.out()).contains("bad-input: client that half closes mid request gets 400 … ok",
                "bad-input: client that half closes after a whole request still gets its answer … ok",
                "3 passed, 0 failed");
    }

    @Test
    void stage06PassesItsKeepAliveChecks() {
        CheckerRun run = CheckerRun.check("06", List.of("--only", "pipelined"), dev.serverlab.keepalive.Main.class);
        assertThat(run.status()).as("%s", run).isZero();
        assertThat(run.out()).contains("[stage-06] group main (--workers 8 --queue 256)",
                "keep-alive: pipelined requests are answered in order … ok", "2 passed, 0 failed");
    }

    @Test
    void stage02FailsTheConcurrencyChecksOfStage03() {
        CheckerRun run = CheckerRun.check("03", List.of("--only", "slow requests in parallel"),
                dev.serverlab.sequential.Main.class);
        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.out()).contains(
                "[stage-03] concurrency: slow requests in parallel take about as long as one … FAILED",
                "hint: requests were served one after another", "1 passed, 1 failed");
    }

    @Test
    void stage05FailsTheKeepAliveChecksOfStage06() {
        CheckerRun run = CheckerRun.check("06", List.of("--only", "pipelined"), dev.serverlab.threadpool.Main.class);
        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.out()).contains("keep-alive: pipelined requests are answered in order … FAILED",
                "then: EOF: the server closed the connection", "1 passed, 1 failed");
    }

    @Test
    void stage06FailsTheScaleChecksOfStage07() {
        CheckerRun run = CheckerRun.check("07", List.of("--only", "scale"), dev.serverlab.keepalive.Main.class);
        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.out()).contains(
                "[stage-07] scale: two thousand idle keep-alive connections on a few threads … FAILED",
                "hint: 2,000 open connections need a server whose threads do not grow with connections",
                "1 passed, 1 failed");
    }
}
