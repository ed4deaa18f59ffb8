package dev.serverlab.core.app;

import dev.serverlab.core.http.Request;
import dev.serverlab.core.http.Response;
import dev.serverlab.core.http.ResponseEncoder;
import dev.serverlab.core.http.Status;

/**
 * The application as a server sees it: a complete request in, a response
 * out. It knows nothing of sockets or threads.
 *
 * <p>Servers call {@link #answer}, never {@link #handle} directly: that is
 * the one place where a failing application becomes a 500 for this request
 * alone, in every stage.
 *
 * <p>A handler also says whether it {@link #mayBlock may block} on a
 * request: a blocking stage does not care, but stage 07 must not run a
 * blocking handler on its selector thread, and asks this rather than
 * guessing from the path.
 */
@FunctionalInterface
public interface Handler {

    System.Logger LOG = System.getLogger(Handler.class.getName());

    Response handle(Request request);

    /**
     * Whether answering this request may block the calling thread (sleep,
     * file I/O, a database call). The default is the safe answer, yes.
     */
    default boolean mayBlock(Request request) {
        return true;
    }

    /**
     * The application's answer, made safe to send: a handler that throws,
     * or builds a response with a header the encoder refuses (CR, LF or NUL
     * in a value: response splitting, see {@link ResponseEncoder}), becomes a
     * 500 for this request alone, never a dead connection thread or a forged
     * header on the wire.
     */
    default Response answer(Request request) {
        try {
            Response response = handle(request);
            ResponseEncoder.requireWritable(response);
            return response;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "handler failed on " + request.method() + " " + request.target(), e);
            return Response.text(Status.INTERNAL_SERVER_ERROR, "500 Internal Server Error\n");
        }
    }
}
