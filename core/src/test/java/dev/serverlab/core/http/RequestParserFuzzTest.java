package dev.serverlab.core.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.serverlab.core.http.SplitFeeding.Cuts;
import dev.serverlab.core.http.SplitFeeding.Transcript;

/**
 * The parser under generated input. In a normal build this replays the
 * corpus committed under {@code RequestParserFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} Jazzer mutates it, guided by coverage (see the
 * package documentation for the command).
 *
 * <p>The property: however the input is cut, the parser reports the same
 * requests and fails, if it fails, with the same status, as when it gets
 * the whole input at once; and while it runs, the invariants that
 * {@link SplitFeeding} checks hold. Any other exception is a finding.
 */
class RequestParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anySplitGivesTheSameEvents(byte[] input) {
        Transcript whole = SplitFeeding.parse(input, SplitFeeding.whole(input));
        for (Cuts cuts : SplitFeeding.variants(input)) {
            Transcript split = SplitFeeding.parse(input, cuts);
            if (!sameOutcome(whole, split)) {
                throw new AssertionError("cut " + cuts + " gave\n  " + split + "\nbut whole gave\n  " + whole);
            }
        }
    }

    static boolean sameOutcome(Transcript whole, Transcript split) {
        if (!whole.messages().equals(split.messages()) || whole.failure() != split.failure()) {
            return false;
        }
        return whole.failure() != null
                || (whole.idle() == split.idle() && whole.buffered() == split.buffered());
    }
}
