package dev.serverlab.core.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * What the fuzz tests share: one input cut into pieces in several ways, fed
 * to a {@link RequestParser}, and what came out written down as a
 * {@link Transcript} that two runs can compare with {@code equals}.
 *
 * <p>While it feeds, it checks what must hold after every piece, whatever
 * the bytes: only {@link HttpProtocolException} escapes, a failed parser
 * stays failed with the same status, events come in the order Head,
 * BodyChunk*, EndOfMessage, no body chunk is empty, no body passes the limit,
 * the parser never yields more events than the input can account for (a
 * loop that consumes nothing is a hang), and whenever it asks for data it
 * holds at most one line's worth of unread bytes (bounded memory). At the
 * end of the input it signals EOF, as a server does when the peer closes:
 * then the parser either fails or is idle, never left waiting.
 */
final class SplitFeeding {

    /** Small limits, so a fuzzer's short inputs reach every limit check. */
    static final HttpLimits LIMITS = new HttpLimits(64, 256, 512);

    /** The most a parser may buffer when it asks for more: the longest line it may be waiting for, plus a CR. */
    static final int MAX_BUFFERED_WHEN_WAITING = Math.max(HttpLimits.MAX_CHUNK_LINE_BYTES,
            Math.max(LIMITS.maxRequestLineBytes(), LIMITS.maxHeaderSectionBytes())) + 1;

    /** A head as comparable values (Headers has no equals). */
    record HeadSeen(String method, String target, HttpVersion version, List<Headers.Field> fields) {
        static HeadSeen of(RequestHead h) {
            return new HeadSeen(h.method(), h.target(), h.version(), List.copyOf(h.headers().fields()));
        }
    }

    /** One request: its head, its whole body (chunk boundaries depend on the cuts, so they are joined), and whether it ended. */
    record Message(HeadSeen head, String body, boolean ended) {
    }

    /**
     * Everything a run produced. {@code failure} is null if the parser never
     * failed; {@code idle} and {@code buffered} are only compared when it did
     * not (a failed run stops feeding, so what it holds then depends on the cuts).
     */
    record Transcript(List<Message> messages, Status failure, boolean idle, int buffered) {
    }

    /** How to cut an input: the lengths of the pieces, in order, and whether to feed them as ByteBuffers. */
    record Cuts(String name, int[] pieces, boolean asBuffers) {
        @Override
        public String toString() {
            return name + Arrays.toString(pieces);
        }
    }

    private SplitFeeding() {
    }

    static Cuts whole(byte[] input) {
        return new Cuts("whole", new int[] {input.length}, false);
    }

    /**
     * Byte by byte, small random pieces (as ByteBuffers), and random pieces
     * of any length. The randomness is seeded by the input, so a finding
     * replays exactly from its corpus file.
     */
    static List<Cuts> variants(byte[] input) {
        Random random = new Random(Arrays.hashCode(input));
        int[] ones = new int[input.length];
        Arrays.fill(ones, 1);
        return List.of(
                new Cuts("byte-by-byte", ones, false),
                new Cuts("small", randomPieces(random, input.length, 8), true),
                new Cuts("any", randomPieces(random, input.length, Math.max(1, input.length)), false));
    }

    private static int[] randomPieces(Random random, int length, int maxPiece) {
        List<Integer> pieces = new ArrayList<>();
        for (int left = length; left > 0; ) {
            int n = Math.min(left, 1 + random.nextInt(maxPiece));
            pieces.add(n);
            left -= n;
        }
        return pieces.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Feeds each piece at an offset inside a larger array (or a ByteBuffer
     * whose position is not 0), so the offset arithmetic is exercised too.
     */
    static void feedPiece(byte[] input, int from, int length, boolean asBuffer, ByteFeeder feeder) {
        byte[] padded = new byte[length + 3];
        System.arraycopy(input, from, padded, 2, length);
        if (asBuffer) {
            ByteBuffer b = ByteBuffer.wrap(padded, 2, length);
            feeder.feed(b);
            if (b.hasRemaining()) {
                throw new AssertionError("feed(ByteBuffer) left " + b.remaining() + " bytes unconsumed");
            }
        } else {
            feeder.feed(padded, 2, length);
        }
    }

    /** The two feed methods the parser and the assembler both offer. */
    interface ByteFeeder {
        void feed(byte[] src, int offset, int length);

        void feed(ByteBuffer src);
    }

    /** Runs a parser over the input cut as given, checking the invariants after every piece. */
    static Transcript parse(byte[] input, Cuts cuts) {
        RequestParser parser = new RequestParser(LIMITS);
        ByteFeeder feeder = new ByteFeeder() {
            @Override
            public void feed(byte[] src, int offset, int length) {
                parser.feed(src, offset, length);
            }

            @Override
            public void feed(ByteBuffer src) {
                parser.feed(src);
            }
        };
        Collector collector = new Collector(input.length);
        int from = 0;
        try {
            for (int piece : cuts.pieces()) {
                feedPiece(input, from, piece, cuts.asBuffers(), feeder);
                from += piece;
                collector.drain(parser);
            }
            // Then the peer closes: what is buffered still comes out, and a
            // request cut short must fail (400), whatever the cuts were.
            parser.endOfInput();
            collector.drain(parser);
        } catch (HttpProtocolException e) {
            assertStaysFailed(parser, e);
            return collector.transcript(e.status(), false, 0);
        }
        if (!parser.isIdle()) {
            throw new AssertionError("the input ended, the parser did not fail, yet it is not idle");
        }
        return collector.transcript(null, parser.isIdle(), parser.bufferedBytes());
    }

    private static void assertStaysFailed(RequestParser parser, HttpProtocolException first) {
        byte[] more = ParserHarness.bytes(ParserHarness.SECOND_REQUEST);
        parser.feed(more, 0, more.length);
        try {
            ParseEvent event = parser.next();
            throw new AssertionError("a failed parser answered " + event + " after " + first.status());
        } catch (HttpProtocolException again) {
            if (again.status() != first.status()) {
                throw new AssertionError("a failed parser changed its status from " + first.status()
                        + " to " + again.status());
            }
        }
    }

    /** Folds events into messages and checks their order, sizes and count. */
    private static final class Collector {
        private final List<Message> messages = new ArrayList<>();
        private final int eventBudget;
        private int events;
        private HeadSeen head;
        private ByteArrayOutputStream body;

        Collector(int inputLength) {
            // A message is at least a few bytes of head and yields a Head and an
            // EndOfMessage; a BodyChunk holds at least one byte. So events can
            // never outnumber the input bytes by much: more means a loop.
            this.eventBudget = 3 * inputLength + 3;
        }

        void drain(RequestParser parser) {
            while (true) {
                ParseEvent event = parser.next();
                if (++events > eventBudget) {
                    throw new AssertionError("more than " + eventBudget + " events: the parser loops");
                }
                switch (event) {
                    case ParseEvent.NeedData ignored -> {
                        if (parser.bufferedBytes() > MAX_BUFFERED_WHEN_WAITING) {
                            throw new AssertionError("waiting for data with " + parser.bufferedBytes()
                                    + " bytes buffered, more than " + MAX_BUFFERED_WHEN_WAITING);
                        }
                        return;
                    }
                    case ParseEvent.Head h -> {
                        if (head != null) {
                            throw new AssertionError("a second Head before EndOfMessage");
                        }
                        head = HeadSeen.of(h.head());
                        body = new ByteArrayOutputStream();
                    }
                    case ParseEvent.BodyChunk c -> {
                        if (head == null) {
                            throw new AssertionError("a BodyChunk before any Head");
                        }
                        if (c.bytes().length == 0) {
                            throw new AssertionError("an empty BodyChunk");
                        }
                        body.writeBytes(c.bytes());
                        if (body.size() > LIMITS.maxBodyBytes()) {
                            throw new AssertionError("a body of " + body.size() + " bytes passed the limit");
                        }
                    }
                    case ParseEvent.EndOfMessage ignored -> {
                        if (head == null) {
                            throw new AssertionError("an EndOfMessage before any Head");
                        }
                        messages.add(new Message(head, text(body.toByteArray()), true));
                        head = null;
                        body = null;
                    }
                }
            }
        }

        Transcript transcript(Status failure, boolean idle, int buffered) {
            List<Message> all = new ArrayList<>(messages);
            if (head != null) {
                all.add(new Message(head, text(body.toByteArray()), false));
            }
            return new Transcript(List.copyOf(all), failure, idle, buffered);
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
