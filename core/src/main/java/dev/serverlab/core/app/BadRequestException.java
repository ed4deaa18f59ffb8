package dev.serverlab.core.app;

import java.io.Serial;

/**
 * Thrown by the helpers of {@link DemoApp} when the client's input cannot be
 * used: a malformed escape, a file name that tries to leave the directory, a
 * sleep time out of range. {@code DemoApp} turns it into {@code 400} with the
 * message as the body, so it never leaves the application.
 *
 * <p>An exception rather than a result type because the check sits several
 * calls deep (route → decode → validate) and every caller would only pass the
 * failure up. It carries no stack trace: it is an answer, not a bug report,
 * and a client could otherwise make the server build traces at will.
 */
final class BadRequestException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    BadRequestException(String message) {
        super(message, null, false, false);
    }
}
