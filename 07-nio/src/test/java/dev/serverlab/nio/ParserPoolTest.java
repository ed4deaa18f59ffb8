package dev.serverlab.nio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.http.HttpLimits;
import dev.serverlab.core.http.RequestAssembler;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Only clean parsers go back to the pool: nothing buffered, input not ended, and not too many. */
class ParserPoolTest {

    private final ParserPool pool = new ParserPool(HttpLimits.DEFAULTS);

    private static void feed(RequestAssembler parser, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        parser.feed(bytes, 0, bytes.length);
    }

    @Test
    void aParserThatFinishedItsRequestIsReusedForTheNext() {
        RequestAssembler parser = pool.take();
        feed(parser, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(parser.poll().head().target()).isEqualTo("/a");
        pool.give(parser);
        RequestAssembler again = pool.take();
        assertThat(again).isSameAs(parser);
        feed(again, "GET /b HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(again.poll().head().target()).isEqualTo("/b");
    }

    @Test
    void aParserHoldingPartOfARequestOrPastEndOfInputIsNotKept() {
        RequestAssembler half = pool.take();
        feed(half, "GET /a HTTP/1.1\r\nHo");
        half.poll();
        pool.give(half);
        RequestAssembler ended = pool.take();
        ended.endOfInput();
        pool.give(ended);
        assertThat(pool.spare()).isZero();
    }

    @Test
    void atMostMaxSpareAreKept() {
        for (int i = 0; i < ParserPool.MAX_SPARE + 5; i++) {
            pool.give(new RequestAssembler());
        }
        assertThat(pool.spare()).isEqualTo(ParserPool.MAX_SPARE);
    }
}
