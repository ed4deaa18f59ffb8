package dev.serverlab.checker;

import dev.serverlab.testkit.Transcript;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One line of advice for a failed check, for the mistakes people make
 * most when they write their first HTTP server. What the wire shows comes
 * first (a response without Content-Length, a bare LF, a close after the
 * first response, a silence after a split request); then what the check was
 * about.
 */
final class Hints {

    /** Per check method: what it is usually about when it fails. */
    private static final Map<String, String> BY_CHECK = Map.ofEntries(
            Map.entry("answersWithConnectionCloseAndCloses",
                    "send \"Connection: close\" in the response and close the socket after writing it"),
            Map.entry("pipelinedSecondRequestIsNotAnswered",
                    "a server of this stage answers one request per connection, then closes it"),
            Map.entry("clientConnectionCloseGetsOneConnectionPerRequest",
                    "when the request says \"Connection: close\", answer with \"Connection: close\" and close (RFC 9112 §9.6)"),
            Map.entry("keepAliveOffMeansOneConnectionPerRequest",
                    "with --keep-alive false every response says \"Connection: close\" and the server closes"),
            Map.entry("http10WithoutKeepAliveIsClosed",
                    "HTTP/1.0 closes after the response unless the request says \"Connection: keep-alive\" (RFC 9112 §9.3)"),
            Map.entry("ignoredBodyIsNeverTakenForTheNextRequest",
                    "read (drain) the request body even when the route ignores it, or its bytes are read as the next request"),
            Map.entry("slowRequestsInParallelTakeAboutAsLongAsOne",
                    "requests were served one after another: serve each connection on a thread of its own (or never block the loop)"),
            Map.entry("manyClientsAtOnceEachGetTheirOwnEcho",
                    "200 clients at once: accept them all (queue them, don't refuse) and never mix up two clients' buffers"),
            Map.entry("servesUpToTheLimitAtOnce",
                    "N requests must run at once when the limit is N: is the bound applied one too early?"),
            Map.entry("neverServesMoreThanTheLimitAtOnce",
                    "at most N at once: the (N+1)th client gets 503 or waits until one of the N has finished"),
            Map.entry("twoThousandIdleKeepAliveConnectionsOnAFewThreads",
                    "2,000 open connections need a server whose threads do not grow with connections (a selector, or "
                            + "virtual threads): a pool of workers, each holding a connection, runs out"),
            Map.entry("slowlorisClientsGet408AndANormalClientIsStillServed",
                    "a request must arrive whole within --read-timeout of its first byte; if not, answer 408 and close"),
            Map.entry("idleConnectionIsClosedAfterIdleTimeout",
                    "close a kept-alive connection that sends nothing for --idle-timeout, and count it in timed_out"),
            Map.entry("readTimeoutBoundsOnlyARequestAlreadyBegun",
                    "--read-timeout bounds a request once its first byte is in (408, then close), not an idle connection"),
            Map.entry("statsIsJsonWithEveryCounter",
                    "GET /stats answers a JSON object with accepted, active, requests, rejected, timed_out, live_threads"));

    private Hints() {
    }

    static Optional<String> forFailure(String method, Throwable failure, Optional<Transcript> transcript,
                                       OptionalInt crashStatus) {
        if (crashStatus.isPresent()) {
            return Optional.of("your server exited (status " + crashStatus.getAsInt() + ") during this check: bad input"
                    + " must never crash a server; answer it (400, 413, ...) and go on serving");
        }
        if (causedBy(failure, ConnectException.class)) {
            return Optional.of("nothing accepted the connection: is the server still running on the port it was given?");
        }
        Optional<String> fromWire = transcript.flatMap(t -> fromWire(method, t));
        if (fromWire.isPresent()) {
            return fromWire;
        }
        if (BY_CHECK.containsKey(method)) {
            return Optional.of(BY_CHECK.get(method));
        }
        return transcript.flatMap(Hints::silence);
    }

    private static Optional<String> fromWire(String method, Transcript t) {
        String received = new String(t.receivedBytes(), StandardCharsets.ISO_8859_1);
        int headEnd = received.indexOf("\n\n");
        int crlfEnd = received.indexOf("\r\n\r\n");
        String head = crlfEnd >= 0 ? received.substring(0, crlfEnd)
                : headEnd >= 0 ? received.substring(0, headEnd) : received;
        if (received.startsWith("HTTP/") && head.replace("\r\n", "").contains("\n")) {
            return Optional.of("end every line with CRLF (\\r\\n): a bare LF is not the line ending of HTTP/1.1 (RFC 9112 §2.2)");
        }
        String lower = head.toLowerCase(Locale.ROOT);
        boolean bodyless = received.matches("(?s)HTTP/\\S+ (1\\d\\d|204|304).*");
        if ((crlfEnd >= 0 || headEnd >= 0) && received.startsWith("HTTP/") && !bodyless
                && !lower.contains("\ncontent-length:") && !lower.contains("\ntransfer-encoding:")) {
            return Optional.of("every response needs Content-Length: without it the client cannot tell where the body"
                    + " ends, and waits for a close that never comes");
        }
        String ending = t.ending().orElse("");
        boolean closed = ending.startsWith("EOF") || ending.startsWith("connection reset")
                || ending.startsWith("sending failed");
        if (closed && isKeepAliveCheck(method) && !BY_CHECK.containsKey(method)) {
            return Optional.of("your server closed the connection after a response: HTTP/1.1 connections stay"
                    + " open unless a side says \"Connection: close\" (RFC 9112 §9.3); loop and read the next request");
        }
        return Optional.empty();
    }

    /** The server said nothing in time: most often, it is still waiting for more of a request it already has. */
    private static Optional<String> silence(Transcript t) {
        if (!t.ending().orElse("").startsWith("timeout") || t.receivedBytes().length > 0) {
            return Optional.empty();
        }
        return Optional.of(t.sentBytes().length > 1024 || t.sentWrites() > 1
                ? "no answer: a request can arrive in many pieces; keep reading until the blank line that ends the"
                        + " headers (and then Content-Length body bytes), not one read() worth of bytes"
                : "no answer in time: did the server read up to the blank line (\\r\\n\\r\\n) and write a"
                        + " complete response?");
    }

    private static boolean isKeepAliveCheck(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        if (m.contains("notanswered")) {
            return false; // stage 01-05: one request per connection is the point
        }
        return m.contains("reuse") || m.contains("pipelined") || m.contains("kept") || m.contains("persists")
                || m.contains("idle") || m.contains("ignoredbody") || m.contains("twothousand");
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
