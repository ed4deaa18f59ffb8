package dev.serverlab.core.app;

import dev.serverlab.core.http.Headers;
import dev.serverlab.core.http.Request;
import dev.serverlab.core.http.Response;
import dev.serverlab.core.http.Status;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The demo application every stage serves:
 *
 * <pre>
 * GET  /               200, empty body
 * GET  /echo/{text}    200 text/plain, {text} percent-decoded; gzip if Accept-Encoding allows
 * GET  /user-agent     200 text/plain, the User-Agent header
 * GET  /sleep/{ms}     200 after ms milliseconds of blocking (0..10000, else 400)
 * GET  /files/{name}   200 application/octet-stream from the directory, or 404
 * POST /files/{name}   201, the body stored as directory/name; 409 if name is a directory
 * GET  /stats          200 application/json, the server's counters
 * HEAD on a GET route  as GET; the response encoder drops the body
 * </pre>
 *
 * <p>Anything else is answered, never thrown: a method the server does not
 * know at all is {@code 501} (RFC 9110 §15.6.2), an unknown path {@code 404},
 * a known path with the wrong method {@code 405} with {@code Allow}, and
 * unusable input (a bad escape, a file name that tries to leave the
 * directory, a sleep out of range) {@code 400}. Every error carries a short
 * {@code text/plain} body saying what was wrong.
 *
 * <p>Thread-safe: it holds no per-request state, so every stage may call it
 * from as many threads as it likes. {@code /sleep} and {@code /files} block
 * the calling thread, which is the point: they stand in for the slow work
 * that makes a concurrency model matter.
 */
public final class DemoApp implements Handler {

    /**
     * The methods of RFC 9110 §9 plus PATCH (RFC 5789). Methods are
     * case-sensitive (§9.1), so {@code Get} is unknown, not a GET.
     */
    private static final Set<String> KNOWN_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    /** Long enough to tie up a thread for a demonstration; short enough that a typo cannot wedge a server. */
    static final long MAX_SLEEP_MILLIS = 10_000;

    private static final System.Logger LOG = System.getLogger(DemoApp.class.getName());

    // RFC 9110 §12.5.5: /echo's body depends on Accept-Encoding, so caches must be told, on the
    // uncompressed answer too. Headers are immutable: the benchmarks' route shares one list.
    private static final Headers ECHO_HEADERS = Headers.of("Content-Type", "text/plain", "Vary", "Accept-Encoding");
    private static final Headers ECHO_GZIP_HEADERS = ECHO_HEADERS.with("Content-Encoding", "gzip");

    private final ServerStats stats;
    private final Optional<FileStore> files;
    private final Routes routes;

    /**
     * @param stats     counters to count requests in and to serve at {@code /stats}
     * @param directory where {@code /files/} reads and writes; empty turns file serving off
     */
    public DemoApp(ServerStats stats, Optional<Path> directory) {
        this.stats = Objects.requireNonNull(stats, "stats");
        this.files = directory.map(FileStore::new);
        this.routes = new Routes()
                .get("/", (request, rest) -> Response.of(Status.OK))
                .get("/echo/{text}", this::echo)
                .get("/user-agent", this::userAgent)
                .get("/sleep/{ms}", this::sleep)
                .get("/files/{name}", this::readFile)
                .post("/files/{name}", this::writeFile)
                .get("/stats", this::statsJson);
    }

    /**
     * {@code /sleep} waits on a timer and {@code /files} on the disk; every
     * other route answers in microseconds from memory, so stage 07 may run it
     * on its selector thread.
     */
    @Override
    public boolean mayBlock(Request request) {
        String path = request.path();
        return path.startsWith("/sleep/") || path.startsWith("/files/");
    }

    @Override
    public Response handle(Request request) {
        stats.requestReceived();
        if (!KNOWN_METHODS.contains(request.method())) {
            return Response.text(Status.NOT_IMPLEMENTED, "unknown method " + request.method());
        }
        if (request.method().equals("CONNECT")) {
            // RFC 9110 §9.3.6: CONNECT asks a proxy for a tunnel. This server is no proxy, and 501
            // (§15.6.2) says it does not support the method for any resource; 405 would claim
            // that some other resource does.
            return Response.text(Status.NOT_IMPLEMENTED, "CONNECT: this server is not a proxy");
        }
        if (request.method().equals("OPTIONS") && request.target().equals("*")) {
            // RFC 9110 §9.3.7: "OPTIONS *" asks about the server as a whole, not a resource.
            return Response.of(Status.OK).withHeader("Allow", "GET, HEAD, POST");
        }
        try {
            return routes.dispatch(request);
        } catch (BadRequestException e) {
            return Response.text(Status.BAD_REQUEST, e.getMessage());
        }
    }

    /**
     * The decoded octets as sent: echoing bytes rather than re-encoded text
     * means valid UTF-8 comes back unchanged and nothing is lost otherwise.
     */
    private Response echo(Request request, String text) {
        byte[] body = PercentDecoding.decode(text);
        if (GzipCoding.accepts(request.headers())) {
            return new Response(Status.OK, ECHO_GZIP_HEADERS, GzipCoding.compress(body));
        }
        return new Response(Status.OK, ECHO_HEADERS, body);
    }

    /**
     * Header values reach us as ISO-8859-1 (the parser's reading of the
     * octets, RFC 9110 §5.5), so encoding them back that way returns exactly
     * the bytes the client sent.
     */
    private Response userAgent(Request request, String rest) {
        String agent = request.header("User-Agent").orElse("");
        return new Response(Status.OK, contentType("text/plain"), agent.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Blocks the calling thread, as a slow database call would. */
    private Response sleep(Request request, String ms) {
        long millis = sleepMillis(ms);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // Someone (usually shutdown) wants this thread back: keep the flag so
            // the stage's loop sees it, and tell the client we did not finish.
            Thread.currentThread().interrupt();
            // A 503 says when to try again (RFC 9110 §10.2.3), as the stages' own "busy" 503 does.
            return Response.text(Status.SERVICE_UNAVAILABLE, "interrupted before " + millis + " ms had passed")
                    .withHeader("Retry-After", "1");
        }
        return Response.text(Status.OK, "slept " + millis + " ms");
    }

    /**
     * Digits only: {@code Long.parseLong} alone would also take {@code +5} and
     * {@code -0}. Leading zeros go first so that a long run of them is still 0.
     */
    static long sleepMillis(String ms) {
        String digits = ms.replaceFirst("^0+(?=[0-9])", "");
        if (!digits.matches("[0-9]{1,5}") || Long.parseLong(digits) > MAX_SLEEP_MILLIS) {
            throw new BadRequestException("sleep takes a whole number of milliseconds from 0 to "
                    + MAX_SLEEP_MILLIS + ", not '" + ms + "'");
        }
        return Long.parseLong(digits);
    }

    private Response readFile(Request request, String encodedName) {
        if (files.isEmpty()) {
            return noDirectory();
        }
        String name = PercentDecoding.decodeUtf8(encodedName);
        try {
            return files.get().read(name)
                    .map(bytes -> new Response(Status.OK, contentType("application/octet-stream"), bytes))
                    .orElseGet(() -> Response.text(Status.NOT_FOUND, "no file named " + name));
        } catch (IOException e) {
            return ioFailure("reading", name, e);
        }
    }

    private Response writeFile(Request request, String encodedName) {
        if (files.isEmpty()) {
            return noDirectory();
        }
        String name = PercentDecoding.decodeUtf8(encodedName);
        try {
            files.get().write(name, request.body());
            return Response.text(Status.CREATED, "stored " + request.body().length + " bytes as " + name);
        } catch (FileAlreadyExistsException e) {
            // RFC 9110 §15.5.10: the request conflicts with the resource's current state.
            return Response.text(Status.CONFLICT, name + " is a directory, not a file");
        } catch (IOException e) {
            return ioFailure("writing", name, e);
        }
    }

    private static Response noDirectory() {
        return Response.text(Status.NOT_FOUND, "file serving is off: start the server with --directory DIR");
    }

    /** The server's fault, not the client's: logged here, and only a summary goes back. */
    private static Response ioFailure(String doing, String name, IOException e) {
        LOG.log(Level.WARNING, doing + " file '" + name + "' failed", e);
        return Response.text(Status.INTERNAL_SERVER_ERROR, doing + " the file failed");
    }

    private Response statsJson(Request request, String rest) {
        byte[] json = stats.snapshot().toJson().getBytes(StandardCharsets.UTF_8);
        return new Response(Status.OK, contentType("application/json"), json);
    }

    private static Headers contentType(String type) {
        return Headers.of("Content-Type", type);
    }
}
