package dev.serverlab.core.app;

import dev.serverlab.core.http.Request;
import dev.serverlab.core.http.Response;

/**
 * The application as a server sees it: a complete request in, a response
 * out. It knows nothing of sockets or threads; whichever thread a stage
 * runs it on, it may block (as {@code /sleep} does).
 */
@FunctionalInterface
public interface Handler {
    Response handle(Request request);
}
