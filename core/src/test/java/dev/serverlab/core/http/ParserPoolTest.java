package dev.serverlab.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
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
        assertThat(again.isIdle()).as("lent clean: nothing of /a left").isTrue();
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
        assertThat(pool.take()).isNotSameAs(half).isNotSameAs(ended);
    }

    @Test
    void aParserHoldingAPipelinedRequestIsNotKept() {
        RequestAssembler parser = pool.take();
        feed(parser, "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\n");
        assertThat(parser.poll().head().target()).isEqualTo("/a");
        pool.give(parser);
        assertThat(pool.spare()).isZero();
    }

    @Test
    void atMostMaxSpareAreKept() {
        for (int i = 0; i < ParserPool.DEFAULT_MAX_SPARE + 5; i++) {
            pool.give(new RequestAssembler());
        }
        assertThat(pool.spare()).isEqualTo(ParserPool.DEFAULT_MAX_SPARE);
    }

    @Test
    void aPoolWithNoSpareSlotsMakesEveryParserAndKeepsNone() {
        ParserPool none = new ParserPool(HttpLimits.DEFAULTS, 0);
        RequestAssembler parser = none.take();
        none.give(parser);
        assertThat(none.spare()).isZero();
        assertThat(none.take()).isNotSameAs(parser);
    }

    /** Threads taking and giving at once: a parser is never lent to two of them at the same time. */
    @Test
    void noParserIsLentTwiceAtOnce() throws Exception {
        ParserPool shared = new ParserPool(HttpLimits.DEFAULTS, 4);
        Set<RequestAssembler> lent = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        AtomicInteger doubleLent = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 20_000; i++) {
                    RequestAssembler parser = shared.take();
                    if (!lent.add(parser)) {
                        doubleLent.incrementAndGet();
                    }
                    lent.remove(parser);
                    shared.give(parser);
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(doubleLent).hasValue(0);
        assertThat(shared.spare()).isBetween(1, 4);
    }
}
