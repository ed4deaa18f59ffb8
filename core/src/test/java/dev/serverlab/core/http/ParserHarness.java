package dev.serverlab.core.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link RequestParser} over one input in one of three ways and records
 * what it made of it, so a table of cases can be checked against every way a
 * network might hand the bytes over (the h11 habit: whole, byte by byte, and
 * with trailing bytes of the next request).
 *
 * <p>The harness also checks two rules that hold for every input: a body
 * chunk is never empty, and a failed parser stays failed, whatever it is fed
 * afterwards.
 */
final class ParserHarness {

    /** The request appended in {@link Mode#PIPELINED} runs; it must parse after every accepted case. */
    static final String SECOND_REQUEST = "GET /second HTTP/1.1\r\nHost: second.example\r\n\r\n";

    enum Mode {
        /** The whole input in one feed. */
        WHOLE,
        /** One byte per feed, draining events after each. */
        BYTE_BY_BYTE,
        /** The input followed by {@link #SECOND_REQUEST}, in one feed. */
        PIPELINED
    }

    /** One request as the events described it. */
    record Message(RequestHead head, byte[] body, boolean ended) {
        String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * What the parser produced: the messages it reported, the status it
     * failed with (null if it did not fail), and the bytes it still buffers.
     */
    record Outcome(List<Message> messages, Status failure, int bufferedBytes) {
    }

    private ParserHarness() {
    }

    /** Bytes of a test string, one byte per char, so cases can hold control characters and obs-text. */
    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static Outcome run(String input, HttpLimits limits, Mode mode) {
        RequestParser parser = new RequestParser(limits);
        Collector collector = new Collector();
        try {
            switch (mode) {
                case WHOLE -> {
                    parser.feed(bytes(input));
                    collector.drain(parser);
                }
                case BYTE_BY_BYTE -> {
                    byte[] all = bytes(input);
                    for (int i = 0; i < all.length; i++) {
                        parser.feed(all, i, 1);
                        collector.drain(parser);
                    }
                }
                case PIPELINED -> {
                    parser.feed(bytes(input + SECOND_REQUEST));
                    collector.drain(parser);
                }
            }
        } catch (HttpProtocolException e) {
            assertStaysFailed(parser, e);
            return collector.outcome(e.status(), parser.bufferedBytes());
        }
        return collector.outcome(null, parser.bufferedBytes());
    }

    private static void assertStaysFailed(RequestParser parser, HttpProtocolException first) {
        parser.feed(bytes(SECOND_REQUEST));
        for (int i = 0; i < 2; i++) {
            try {
                ParseEvent event = parser.next();
                throw new AssertionError("a failed parser answered " + event + " after failing with "
                        + first.status() + " (" + first.getMessage() + ")");
            } catch (HttpProtocolException again) {
                if (again.status() != first.status()) {
                    throw new AssertionError("a failed parser changed its status from "
                            + first.status() + " to " + again.status());
                }
            }
        }
    }

    /** Folds events into messages. */
    private static final class Collector {
        private final List<Message> messages = new ArrayList<>();
        private RequestHead head;
        private ByteArrayOutputStream body;

        void drain(RequestParser parser) {
            while (true) {
                ParseEvent event = parser.next();
                switch (event) {
                    case ParseEvent.NeedData ignored -> {
                        return;
                    }
                    case ParseEvent.Head h -> {
                        if (head != null) {
                            throw new AssertionError("a second Head before EndOfMessage: " + h);
                        }
                        head = h.head();
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
                    }
                    case ParseEvent.EndOfMessage ignored -> {
                        if (head == null) {
                            throw new AssertionError("an EndOfMessage before any Head");
                        }
                        messages.add(new Message(head, body.toByteArray(), true));
                        head = null;
                        body = null;
                    }
                }
            }
        }

        Outcome outcome(Status failure, int buffered) {
            List<Message> all = new ArrayList<>(messages);
            if (head != null) {
                all.add(new Message(head, body.toByteArray(), false));
            }
            return new Outcome(List.copyOf(all), failure, buffered);
        }
    }
}
