package dev.serverlab.core.http;

import static dev.serverlab.core.http.ParserHarness.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parser across requests and over time: what it says while input is
 * incomplete, when it is idle, that failure is final, that any split of a
 * pipelined stream gives the same requests, and that slicing input thinly
 * does not make it quadratic. The table of single requests is in
 * {@link RequestParserTest}.
 */
class RequestParserLifecycleTest {

    /** Three pipelined requests that exercise every body framing. */
    private static final String PIPELINE =
            "POST /files/a HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
            + "POST /files/b HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nTrailer-A: 1\r\n\r\n"
            + "GET /last HTTP/1.0\r\n\r\n";

    @Test
    void answersNeedDataUntilTheHeadIsComplete() {
        RequestParser parser = new RequestParser();
        parser.feed(bytes("GET / HTTP/1.1\r\nHost: a\r"));
        assertThat(parser.next()).isInstanceOf(ParseEvent.NeedData.class);
        assertThat(parser.next()).isInstanceOf(ParseEvent.NeedData.class);

        parser.feed(bytes("\n\r\n"));
        assertThat(parser.next()).isInstanceOf(ParseEvent.Head.class);
        assertThat(parser.next()).isInstanceOf(ParseEvent.EndOfMessage.class);
        assertThat(parser.next()).isInstanceOf(ParseEvent.NeedData.class);
    }

    @Test
    void deliversBodyBytesAsTheyArriveWithoutWaitingForTheWholeBody() {
        RequestParser parser = new RequestParser();
        parser.feed(bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\n\r\nabc"));
        assertThat(parser.next()).isInstanceOf(ParseEvent.Head.class);
        assertThat(parser.next()).isInstanceOfSatisfying(ParseEvent.BodyChunk.class,
                c -> assertThat(c.bytes()).isEqualTo(bytes("abc")));
        assertThat(parser.next()).isInstanceOf(ParseEvent.NeedData.class);

        parser.feed(bytes("def"));
        assertThat(parser.next()).isInstanceOfSatisfying(ParseEvent.BodyChunk.class,
                c -> assertThat(c.bytes()).isEqualTo(bytes("def")));
        assertThat(parser.next()).isInstanceOf(ParseEvent.EndOfMessage.class);
    }

    @Test
    void isIdleOnlyBetweenRequestsWithNothingBuffered() {
        RequestParser parser = new RequestParser();
        assertThat(parser.isIdle()).as("fresh").isTrue();

        parser.feed(bytes("GET / HT"));
        assertThat(parser.isIdle()).as("part of a request line buffered").isFalse();
        parser.next();
        assertThat(parser.isIdle()).as("still part of a request line").isFalse();

        parser.feed(bytes("TP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n"));
        assertThat(parser.next()).isInstanceOf(ParseEvent.Head.class);
        assertThat(parser.isIdle()).as("head read, body pending").isFalse();

        parser.feed(bytes("ok" + "GET /next"));
        assertThat(parser.next()).isInstanceOf(ParseEvent.BodyChunk.class);
        assertThat(parser.next()).isInstanceOf(ParseEvent.EndOfMessage.class);
        assertThat(parser.isIdle()).as("a pipelined request is buffered").isFalse();
        assertThat(parser.bufferedBytes()).isEqualTo("GET /next".length());

        parser.feed(bytes(" HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertThat(parser.next()).isInstanceOf(ParseEvent.Head.class);
        assertThat(parser.next()).isInstanceOf(ParseEvent.EndOfMessage.class);
        assertThat(parser.isIdle()).as("after the last request").isTrue();
        assertThat(parser.bufferedBytes()).isZero();
    }

    @Test
    void keepsFailingWithTheSameStatusAfterAnError() {
        RequestParser parser = new RequestParser();
        parser.feed(bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 2\r\n\r\n"));
        assertThatThrownBy(parser::next).isInstanceOfSatisfying(HttpProtocolException.class,
                e -> assertThat(e.status()).isEqualTo(Status.BAD_REQUEST));

        // A perfectly good request afterwards changes nothing: after a framing
        // error the parser cannot know where that request starts.
        parser.feed(bytes("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(parser::next).isInstanceOfSatisfying(HttpProtocolException.class,
                    e -> assertThat(e.status()).isEqualTo(Status.BAD_REQUEST));
        }
        assertThat(parser.isIdle()).isFalse();
    }

    @Test
    void parsesTheSamePipelineWhereverTheInputIsSplitInTwo() {
        byte[] all = bytes(PIPELINE);
        List<String> expected = List.of("POST /files/a hello", "POST /files/b abcde", "GET /last ");
        for (int split = 0; split <= all.length; split++) {
            RequestParser parser = new RequestParser();
            List<String> seen = new ArrayList<>();
            Drain drain = new Drain(seen);
            parser.feed(all, 0, split);
            drain.from(parser);
            parser.feed(all, split, all.length - split);
            drain.from(parser);
            assertThat(seen).as("split at byte %d", split).isEqualTo(expected);
            assertThat(parser.isIdle()).as("split at byte %d", split).isTrue();
        }
    }

    @Test
    void acceptsInputFromAByteBufferAndConsumesIt() {
        RequestParser parser = new RequestParser();
        ByteBuffer src = ByteBuffer.wrap(bytes("xxGET /buf HTTP/1.1\r\nHost: a\r\n\r\nyy"));
        src.position(2).limit(src.limit() - 2);
        parser.feed(src);
        assertThat(src.hasRemaining()).isFalse();
        assertThat(parser.next()).isInstanceOfSatisfying(ParseEvent.Head.class,
                h -> assertThat(h.head().target()).isEqualTo("/buf"));
        assertThat(parser.next()).isInstanceOf(ParseEvent.EndOfMessage.class);
        assertThat(parser.isIdle()).isTrue();
    }

    @Test
    void growsItsBufferForALargeFeedAndParsesEveryRequestInIt() {
        String one = "POST /files/x HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\n" + "b".repeat(100);
        RequestParser parser = new RequestParser();
        parser.feed(bytes(one.repeat(500)));
        List<String> seen = new ArrayList<>();
        new Drain(seen).from(parser);
        assertThat(seen).hasSize(500).allMatch(s -> s.equals("POST /files/x " + "b".repeat(100)));
    }

    /**
     * A 60 KiB header section fed one byte at a time, with {@code next()}
     * after every byte, is how a slow client looks to a server. The parser
     * must remember how far it has scanned, or this is quadratic. The
     * timeout is generous on purpose: it catches quadratic, not slow.
     */
    @Test
    void parsesASixtyKibHeaderSectionFedByteByByteWithoutQuadraticCost() {
        StringBuilder manyLines = new StringBuilder("GET / HTTP/1.1\r\nHost: a\r\n");
        while (manyLines.length() < 60 * 1024) {
            manyLines.append("X-Filler-").append(manyLines.length()).append(": ").append("f".repeat(80)).append("\r\n");
        }
        String oneLongLine = "GET / HTTP/1.1\r\nHost: a\r\nX-Long: " + "v".repeat(60 * 1024) + "\r\n";

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(parseByteByByte(manyLines + "\r\n").headers().size()).isGreaterThan(600);
            assertThat(parseByteByByte(oneLongLine + "\r\n").headers().first("X-Long").orElseThrow())
                    .hasSize(60 * 1024);
        });
    }

    private static RequestHead parseByteByByte(String input) {
        byte[] b = bytes(input);
        RequestParser parser = new RequestParser();
        RequestHead head = null;
        for (int i = 0; i < b.length; i++) {
            parser.feed(b, i, 1);
            for (ParseEvent e = parser.next(); !(e instanceof ParseEvent.NeedData); e = parser.next()) {
                if (e instanceof ParseEvent.Head h) {
                    head = h.head();
                }
            }
        }
        assertThat(head).as("head parsed").isNotNull();
        return head;
    }

    /** Records each completed request as "METHOD target body". */
    private static final class Drain {
        private final List<String> seen;
        private String line;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Drain(List<String> seen) {
            this.seen = seen;
        }

        void from(RequestParser parser) {
            for (ParseEvent e = parser.next(); !(e instanceof ParseEvent.NeedData); e = parser.next()) {
                switch (e) {
                    case ParseEvent.Head h -> {
                        line = h.head().method() + " " + h.head().target() + " ";
                        body.reset();
                    }
                    case ParseEvent.BodyChunk c -> body.writeBytes(c.bytes());
                    case ParseEvent.EndOfMessage m -> seen.add(line + body.toString(StandardCharsets.ISO_8859_1));
                    case ParseEvent.NeedData n -> throw new AssertionError("unreachable");
                }
            }
        }
    }

    // --- the end of the input is an input (h11's habit) ---

    @Test
    void endOfInputBetweenRequestsIsCleanAndBufferedRequestsStillComeOut() {
        RequestAssembler assembler = new RequestAssembler();
        byte[] two = bytes("GET /a HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\n\r\n");
        assembler.feed(two, 0, two.length);
        assembler.endOfInput();
        assertThat(assembler.poll().target()).isEqualTo("/a");
        assertThat(assembler.isFinished()).as("one request still buffered").isFalse();
        assertThat(assembler.poll().target()).isEqualTo("/b");
        assertThat(assembler.poll()).isNull();
        assertThat(assembler.isFinished()).isTrue();
    }

    @Test
    void endOfInputOnAFreshConnectionIsClean() {
        RequestParser parser = new RequestParser();
        parser.endOfInput();
        assertThat(parser.next()).isInstanceOf(ParseEvent.NeedData.class);
        assertThat(parser.isIdle()).isTrue();
    }

    /** RFC 9112 §8: an incomplete message is never treated as complete; wherever it was cut, 400. */
    @Test
    void endOfInputMidRequestFailsWith400WhereverItIsCut() {
        String request = "POST /files/x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello";
        for (int cut = 1; cut < request.length(); cut++) {
            RequestParser parser = new RequestParser();
            parser.feed(bytes(request.substring(0, cut)));
            parser.endOfInput();
            int at = cut;
            assertThatThrownBy(() -> {
                while (true) {
                    parser.next();
                }
            }).as("cut after " + at + " bytes").isInstanceOfSatisfying(HttpProtocolException.class,
                    e -> assertThat(e.status()).isEqualTo(Status.BAD_REQUEST));
        }
    }
}
