package dev.serverlab.checker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line: mistakes exit 2 with a one-line reason, then the usage. */
class CheckOptionsTest {

    @Test
    void unknownOptionExitsTwoWithTheReasonFirst() {
        CheckerRun run = CheckerRun.run("06", "--no-such-option");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines().findFirst()).contains("check: unknown option --no-such-option");
        assertThat(run.err()).contains("usage: ./check NN -- COMMAND...");
    }

    @Test
    void commandWithoutPortPlaceholderIsRefused() {
        CheckerRun run = CheckerRun.run("06", "--", "./serve", "06");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines().findFirst()).hasValueSatisfying(l -> assertThat(l).contains("{port}"));
    }

    @Test
    void unknownStageIsRefused() {
        CheckerRun run = CheckerRun.run("09", "--port", "4221");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("check: no stage \"09\"");
    }

    @Test
    void onlyThatMatchesNothingExitsTwo() {
        CheckerRun run = CheckerRun.run("01", "--only", "no such check", "--port", "4221");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("no check of stage 01 matches --only no such check");
    }

    @Test
    void listNamesEveryStageAndWhatIsLeftOut() {
        CheckerRun run = CheckerRun.run("--list");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("stage 01", "stage 08", "group limits-reject (--max-concurrent 2 --when-full reject)",
                "[in-process only: sets a 16-byte body limit, which no flag sets]",
                "launch: starts the stage's own Main class in a child JVM");
    }
}
