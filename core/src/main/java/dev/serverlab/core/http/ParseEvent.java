package dev.serverlab.core.http;

/**
 * What {@link RequestParser#next()} yields. A request arrives as one
 * {@link Head}, zero or more {@link BodyChunk}s and one {@link EndOfMessage};
 * {@link NeedData} means "feed me more bytes" and is a normal answer, not an
 * error: a network hands over bytes in whatever pieces it likes.
 */
public sealed interface ParseEvent {

    /** The request line and headers are complete. */
    record Head(RequestHead head) implements ParseEvent {
    }

    /** Some decoded body bytes (a chunked body arrives here already de-chunked). */
    record BodyChunk(byte[] bytes) implements ParseEvent {
    }

    /** The request is complete; the parser is ready for the next one. */
    record EndOfMessage() implements ParseEvent {
    }

    /** Not enough bytes buffered to say anything more. */
    record NeedData() implements ParseEvent {
    }

    EndOfMessage END_OF_MESSAGE = new EndOfMessage();
    NeedData NEED_DATA = new NeedData();
}
