package dev.serverlab.core.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.serverlab.core.http.SplitFeeding.Cuts;
import dev.serverlab.core.http.SplitFeeding.HeadSeen;
import dev.serverlab.core.http.SplitFeeding.Message;
import dev.serverlab.core.http.SplitFeeding.Transcript;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The assembler under generated input, fed in random cuts: it must hand out
 * exactly the complete requests the parser reports for the whole input, in
 * order, and fail with the same status; be finished once the input has
 * ended without a failure; and owe a {@code 100 Continue} at most once per request that
 * asked for one. Corpus under {@code RequestAssemblerFuzzTestInputs/}.
 */
class RequestAssemblerFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anySplitGivesTheSameRequests(byte[] input) {
        Transcript reference = SplitFeeding.parse(input, SplitFeeding.whole(input));
        List<Message> complete = reference.messages().stream().filter(Message::ended).toList();
        long askedToContinue = reference.messages().stream().filter(m -> expectsContinue(m.head())).count();
        for (Cuts cuts : SplitFeeding.variants(input)) {
            check(input, cuts, reference, complete, askedToContinue);
        }
    }

    private static void check(byte[] input, Cuts cuts, Transcript reference, List<Message> complete, long askedToContinue) {
        RequestAssembler assembler = new RequestAssembler(SplitFeeding.LIMITS);
        SplitFeeding.ByteFeeder feeder = new SplitFeeding.ByteFeeder() {
            @Override
            public void feed(byte[] src, int offset, int length) {
                assembler.feed(src, offset, length);
            }

            @Override
            public void feed(ByteBuffer src) {
                assembler.feed(src);
            }
        };
        List<Message> got = new ArrayList<>();
        int continues = 0;
        Status failure = null;
        int from = 0;
        try {
            for (int piece : cuts.pieces()) {
                SplitFeeding.feedPiece(input, from, piece, cuts.asBuffers(), feeder);
                from += piece;
                for (Request r; (r = assembler.poll()) != null; ) {
                    got.add(new Message(HeadSeen.of(r.head()), SplitFeeding.text(r.body()), true));
                    if (got.size() > complete.size()) {
                        break; // reported below
                    }
                }
                if (assembler.takeContinueOwed()) {
                    continues++;
                }
            }
            assembler.endOfInput();
            for (Request r; (r = assembler.poll()) != null; ) {
                got.add(new Message(HeadSeen.of(r.head()), SplitFeeding.text(r.body()), true));
            }
        } catch (HttpProtocolException e) {
            failure = e.status();
        }
        if (!got.equals(complete) || failure != reference.failure()) {
            throw new AssertionError("cut " + cuts + " gave requests " + got + " and failure " + failure
                    + "\nbut the whole input gave " + complete + " and failure " + reference.failure());
        }
        if (failure == null && !assembler.isFinished()) {
            throw new AssertionError("cut " + cuts + ": the input ended without a failure, yet the assembler"
                    + " is not finished");
        }
        if (continues > askedToContinue) {
            throw new AssertionError("cut " + cuts + ": 100 Continue owed " + continues + " times for "
                    + askedToContinue + " requests that asked");
        }
    }

    private static boolean expectsContinue(HeadSeen head) {
        return head.version() == HttpVersion.HTTP_1_1 && head.fields().stream()
                .anyMatch(f -> f.name().equalsIgnoreCase("Expect") && f.value().toLowerCase().contains("100-continue"));
    }
}
