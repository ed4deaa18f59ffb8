package dev.serverlab.core.http;

import static dev.serverlab.core.http.ParserHarness.SECOND_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.serverlab.core.http.ParserHarness.Message;
import dev.serverlab.core.http.ParserHarness.Mode;
import dev.serverlab.core.http.ParserHarness.Outcome;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The parser's behaviour as a table: each case is one input and what must
 * come of it, and each runs whole, byte by byte, and followed by a second,
 * pipelined request (see {@link ParserHarness}).
 */
class RequestParserTest {

    private static final HttpLimits DEFAULTS = HttpLimits.DEFAULTS;
    /** Small limits so the over-limit cases stay quick; still roomy enough for {@link ParserHarness#SECOND_REQUEST}. */
    private static final HttpLimits SMALL = new HttpLimits(64, 256, 16);

    /** One row of the table: an input, the limits it runs under, and either a check of the request or the status it must fail with. */
    private record Case(String name, String input, HttpLimits limits, Consumer<RequestHead> head, String body,
                        Status rejectedWith) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case accepts(String name, String input, Consumer<RequestHead> head, String body) {
        return new Case(name, input, DEFAULTS, head, body, null);
    }

    private static Case accepts(String name, HttpLimits limits, String input, Consumer<RequestHead> head, String body) {
        return new Case(name, input, limits, head, body, null);
    }

    private static Case rejects(String name, String input, Status status) {
        return new Case(name, input, DEFAULTS, null, null, status);
    }

    private static Case rejects(String name, HttpLimits limits, String input, Status status) {
        return new Case(name, input, limits, null, null, status);
    }

    private static Consumer<RequestHead> line(String method, String target, HttpVersion version) {
        return h -> {
            assertThat(h.method()).isEqualTo(method);
            assertThat(h.target()).isEqualTo(target);
            assertThat(h.version()).isEqualTo(version);
        };
    }

    private static final Consumer<RequestHead> ANY_HEAD = h -> { };

    private static String get(String headers) {
        return "GET / HTTP/1.1\r\nHost: a\r\n" + headers + "\r\n";
    }

    private static String post(String headers, String body) {
        return "POST /files/x HTTP/1.1\r\nHost: a\r\n" + headers + "\r\n" + body;
    }

    private static String chunked(String chunks) {
        return post("Transfer-Encoding: chunked\r\n", chunks);
    }

    static Stream<Case> accepted() {
        return Stream.of(
                accepts("simple GET", "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n",
                        line("GET", "/", HttpVersion.HTTP_1_1)
                                .andThen(h -> assertThat(h.headers().first("Host")).contains("example.com")),
                        ""),
                accepts("repeated fields keep their order and names match in any case",
                        get("Accept: text/html\r\naccept: text/plain\r\nX-Custom: 1\r\n"),
                        h -> {
                            assertThat(h.headers().all("ACCEPT")).containsExactly("text/html", "text/plain");
                            assertThat(h.headers().first("x-custom")).contains("1");
                            assertThat(h.headers().first("HOST")).contains("a");
                            assertThat(h.headers().contains("X-Missing")).isFalse();
                        },
                        ""),
                accepts("optional whitespace around a value is trimmed, inner whitespace kept",
                        get("X-A: \t a  b \t \r\nX-B:c\r\nX-Empty:\r\nX-Spaces:    \r\n"),
                        h -> {
                            assertThat(h.headers().first("X-A")).contains("a  b");
                            assertThat(h.headers().first("X-B")).contains("c");
                            assertThat(h.headers().first("X-Empty")).contains("");
                            assertThat(h.headers().first("X-Spaces")).contains("");
                        },
                        ""),
                accepts("empty lines before the request line are ignored",
                        "\r\n\n\r\nGET /after-blank HTTP/1.1\r\nHost: a\r\n\r\n",
                        line("GET", "/after-blank", HttpVersion.HTTP_1_1), ""),
                accepts("bare LF line endings are accepted",
                        "POST /lf HTTP/1.1\nHost: a\nContent-Length: 3\n\nabc",
                        line("POST", "/lf", HttpVersion.HTTP_1_1)
                                .andThen(h -> assertThat(h.headers().first("Host")).contains("a")),
                        "abc"),
                accepts("Content-Length body", post("Content-Length: 11\r\n", "hello world"),
                        line("POST", "/files/x", HttpVersion.HTTP_1_1), "hello world"),
                accepts("Content-Length body holding CRLFs and a request line is just bytes",
                        post("Content-Length: 31\r\n", "GET / HTTP/1.1\r\nHost: a\r\n\r\n\r\n\r\n"),
                        ANY_HEAD, "GET / HTTP/1.1\r\nHost: a\r\n\r\n\r\n\r\n"),
                accepts("Content-Length: 0 means an empty body", post("Content-Length: 0\r\n", ""), ANY_HEAD, ""),
                accepts("Content-Length with leading zeros", post("Content-Length: 005\r\n", "hello"), ANY_HEAD, "hello"),
                accepts("Content-Length list of identical values", post("Content-Length: 5, 5\r\n", "hello"),
                        ANY_HEAD, "hello"),
                accepts("Content-Length repeated on two identical lines",
                        post("Content-Length: 5\r\nContent-Length: 5\r\n", "hello"), ANY_HEAD, "hello"),
                accepts("Content-Length at exactly the body limit", SMALL,
                        post("Content-Length: 16\r\n", "0123456789abcdef"), ANY_HEAD, "0123456789abcdef"),
                accepts("no Content-Length and no Transfer-Encoding means no body", get(""), ANY_HEAD, ""),
                accepts("chunked body with extensions and trailers",
                        chunked("4;name=value\r\nWiki\r\n5 ; ext=\"quoted\"\r\npedia\r\n0;last\r\n"
                                + "X-Trailer: yes\r\nX-Other: 2\r\n\r\n"),
                        h -> assertThat(h.headers().first("Transfer-Encoding")).contains("chunked"),
                        "Wikipedia"),
                accepts("chunked body with uppercase and lowercase hex sizes",
                        chunked("A\r\n0123456789\r\n1a\r\nabcdefghijklmnopqrstuvwxyz\r\n00000\r\n\r\n"),
                        ANY_HEAD, "0123456789abcdefghijklmnopqrstuvwxyz"),
                accepts("chunked body with bare LF line endings",
                        "POST / HTTP/1.1\nHost: a\nTransfer-Encoding: chunked\n\n3\nabc\n0\n\n",
                        ANY_HEAD, "abc"),
                accepts("chunked coding name is case-insensitive", chunked("2\r\nok\r\n0\r\n\r\n")
                        .replace("chunked", "Chunked"), ANY_HEAD, "ok"),
                accepts("chunked with an empty body", chunked("0\r\n\r\n"), ANY_HEAD, ""),
                accepts("empty Transfer-Encoding list elements are ignored (RFC 9110 §5.6.1)",
                        post("Transfer-Encoding: , chunked,\r\n", "2\r\nok\r\n0\r\n\r\n"), ANY_HEAD, "ok"),
                accepts("whitespace before a chunk extension's ; (BWS, RFC 9112 §7.1.1)",
                        chunked("2 \t;x=y\r\nok\r\n0\r\n\r\n"), ANY_HEAD, "ok"),
                accepts("chunk extensions up to the chunk-line limit",
                        chunked("2;x=" + "e".repeat(HttpLimits.MAX_CHUNK_LINE_BYTES - 4) + "\r\nok\r\n0\r\n\r\n"),
                        ANY_HEAD, "ok"),
                accepts("method of exactly the method limit", "A".repeat(HttpLimits.MAX_METHOD_BYTES)
                        + " / HTTP/1.1\r\nHost: a\r\n\r\n", h -> assertThat(h.method()).hasSize(HttpLimits.MAX_METHOD_BYTES), ""),
                accepts("chunked total at exactly the body limit", SMALL,
                        chunked("8\r\n01234567\r\n8\r\n89abcdef\r\n0\r\n\r\n"), ANY_HEAD, "0123456789abcdef"),
                accepts("HTTP/1.0 without Host", "GET /old HTTP/1.0\r\n\r\n",
                        line("GET", "/old", HttpVersion.HTTP_1_0), ""),
                accepts("HTTP/1.2 is answered as HTTP/1.1", "GET / HTTP/1.2\r\nHost: a\r\n\r\n",
                        line("GET", "/", HttpVersion.HTTP_1_1), ""),
                accepts("absolute-form target keeps the target, path() drops scheme, authority and query",
                        "GET http://example.com/echo/hi?x=1 HTTP/1.1\r\nHost: example.com\r\n\r\n",
                        line("GET", "http://example.com/echo/hi?x=1", HttpVersion.HTTP_1_1)
                                .andThen(h -> assertThat(h.path()).isEqualTo("/echo/hi")),
                        ""),
                accepts("asterisk-form target for OPTIONS (RFC 9112 §3.2.4)", "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
                        line("OPTIONS", "*", HttpVersion.HTTP_1_1), ""),
                accepts("authority-form target for CONNECT (RFC 9112 §3.2.3)",
                        "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n",
                        line("CONNECT", "example.com:443", HttpVersion.HTTP_1_1), ""),
                accepts("empty Host, allowed when the target has no authority (RFC 9112 §3.2)",
                        "GET / HTTP/1.1\r\nHost:\r\n\r\n", line("GET", "/", HttpVersion.HTTP_1_1), ""),
                accepts("Host with an IPv6 literal and a port", "GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n",
                        h -> assertThat(h.headers().first("Host")).contains("[::1]:8080"), ""),
                accepts("Host with a registered name, escapes and sub-delims",
                        "GET / HTTP/1.1\r\nHost: my-host_1.example%41!$&'()*+,;=~\r\n\r\n",
                        line("GET", "/", HttpVersion.HTTP_1_1), ""),
                accepts("origin-form path() drops the query", "GET /echo/a%20b?x=http://y HTTP/1.1\r\nHost: a\r\n\r\n",
                        h -> assertThat(h.path()).isEqualTo("/echo/a%20b"), ""),
                accepts("method is kept as sent, case and all", "Get / HTTP/1.1\r\nHost: a\r\n\r\n",
                        line("Get", "/", HttpVersion.HTTP_1_1), ""),
                accepts("obs-text bytes in a value are kept", get("X-Latin: caf\u00e9\r\n"),
                        h -> assertThat(h.headers().first("X-Latin")).contains("caf\u00e9"), ""),
                accepts("header section of exactly the limit, CRLFs included", SMALL,
                        get("X-Filler: " + "f".repeat(256 - 9 - 10 - 2) + "\r\n"),
                        h -> assertThat(h.headers().first("X-Filler").orElseThrow()).hasSize(256 - 9 - 10 - 2), ""),
                accepts("request line of exactly the limit", SMALL,
                        "GET /" + "a".repeat(64 - 14) + " HTTP/1.1\r\nHost: a\r\n\r\n",
                        h -> assertThat(h.target()).hasSize(64 - 13), ""));
    }

    static Stream<Case> rejected() {
        String longTarget = "/" + "a".repeat(HttpLimits.DEFAULT_MAX_REQUEST_LINE_BYTES);
        String filler = "X-Filler: " + "f".repeat(1000) + "\r\n";
        return Stream.of(
                rejects("request line with only a method", "GET\r\nHost: a\r\n\r\n", Status.BAD_REQUEST),
                rejects("request line without a version", "GET /\r\nHost: a\r\n\r\n", Status.BAD_REQUEST),
                rejects("request line with a double space", "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", Status.BAD_REQUEST),
                rejects("request line with a trailing space", "GET / HTTP/1.1 \r\nHost: a\r\n\r\n", Status.BAD_REQUEST),
                rejects("request line starting with a space", " GET / HTTP/1.1\r\nHost: a\r\n\r\n", Status.BAD_REQUEST),
                rejects("request line with a space in the target", "GET /a b HTTP/1.1\r\nHost: a\r\n\r\n",
                        Status.BAD_REQUEST),
                rejects("request line with tabs for spaces", "GET\t/\tHTTP/1.1\r\nHost: a\r\n\r\n", Status.BAD_REQUEST),
                rejects("lowercase http/1.1", "GET / http/1.1\r\nHost: a\r\n\r\n", Status.BAD_REQUEST),
                rejects("version HTTP/1 without a minor", "GET / HTTP/1\r\nHost: a\r\n\r\n", Status.BAD_REQUEST),
                rejects("version HTTP/1.10", "GET / HTTP/1.10\r\nHost: a\r\n\r\n", Status.BAD_REQUEST),
                rejects("target that is no request-target form (RFC 9112 §3.2)", "GET echo/x HTTP/1.1\r\nHost: a\r\n\r\n",
                        Status.BAD_REQUEST),
                rejects("asterisk-form target outside OPTIONS (RFC 9112 §3.2.4)", "GET * HTTP/1.1\r\nHost: a\r\n\r\n",
                        Status.BAD_REQUEST),
                rejects("authority-form target outside CONNECT (RFC 9112 §3.2.3)",
                        "GET example.com:80 HTTP/1.1\r\nHost: example.com\r\n\r\n", Status.BAD_REQUEST),
                rejects("scheme without an authority", "GET http:/echo/x HTTP/1.1\r\nHost: a\r\n\r\n",
                        Status.BAD_REQUEST),
                rejects("Host with a space (RFC 9112 §3.2)", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", Status.BAD_REQUEST),
                rejects("Host with a path", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", Status.BAD_REQUEST),
                rejects("Host with userinfo", "GET / HTTP/1.1\r\nHost: user@a\r\n\r\n", Status.BAD_REQUEST),
                rejects("Host with a non-numeric port", "GET / HTTP/1.1\r\nHost: a:http\r\n\r\n", Status.BAD_REQUEST),
                rejects("invalid Host in HTTP/1.0 too", "GET / HTTP/1.0\r\nHost: a b\r\n\r\n", Status.BAD_REQUEST),
                rejects("method that is not a token", "GE(T / HTTP/1.1\r\nHost: a\r\n\r\n", Status.BAD_REQUEST),
                rejects("garbage request line", "\u0001\u0002\u00ff garbage\r\n\r\n", Status.BAD_REQUEST),
                rejects("a greeting instead of a request", "hello\r\n\r\n", Status.BAD_REQUEST),
                rejects("HTTP/2.0", "GET / HTTP/2.0\r\nHost: a\r\n\r\n", Status.HTTP_VERSION_NOT_SUPPORTED),
                rejects("HTTP/2 connection preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
                        Status.HTTP_VERSION_NOT_SUPPORTED),
                rejects("HTTP/3.0", "GET / HTTP/3.0\r\nHost: a\r\n\r\n", Status.HTTP_VERSION_NOT_SUPPORTED),
                rejects("HTTP/0.9", "GET / HTTP/0.9\r\nHost: a\r\n\r\n", Status.HTTP_VERSION_NOT_SUPPORTED),
                rejects("request line over 8 KiB, LF arrives (RFC 9112 §3: 414)",
                        "GET " + longTarget + " HTTP/1.1\r\nHost: a\r\n\r\n", Status.URI_TOO_LONG),
                rejects("request line over 8 KiB, LF never arrives",
                        "GET " + longTarget + longTarget, Status.URI_TOO_LONG),
                rejects("request line one byte over the limit", SMALL,
                        "GET /" + "a".repeat(64 - 13) + " HTTP/1.1\r\nHost: a\r\n\r\n",
                        Status.URI_TOO_LONG),
                rejects("header section over 64 KiB", get(filler.repeat(66)), Status.REQUEST_HEADER_FIELDS_TOO_LARGE),
                rejects("one header line over 64 KiB, LF never arrives",
                        "GET / HTTP/1.1\r\nHost: a\r\nX-Long: " + "x".repeat(70 * 1024),
                        Status.REQUEST_HEADER_FIELDS_TOO_LARGE),
                rejects("header section just over a small limit", SMALL,
                        get("X-Filler: " + "f".repeat(256 - 9 - 10 - 2 + 1) + "\r\n"),
                        Status.REQUEST_HEADER_FIELDS_TOO_LARGE),
                rejects("Content-Length over the body limit", SMALL, post("Content-Length: 17\r\n", "x".repeat(17)),
                        Status.CONTENT_TOO_LARGE),
                rejects("Content-Length over the default 16 MiB limit, refused before the body",
                        post("Content-Length: 16777217\r\n", ""), Status.CONTENT_TOO_LARGE),
                rejects("Content-Length too big for a long", post("Content-Length: 99999999999999999999999\r\n", ""),
                        Status.CONTENT_TOO_LARGE),
                rejects("chunked total over the body limit", SMALL,
                        chunked("8\r\n01234567\r\n9\r\n89abcdefg\r\n0\r\n\r\n"), Status.CONTENT_TOO_LARGE),
                rejects("Transfer-Encoding gzip", post("Transfer-Encoding: gzip\r\n", ""), Status.NOT_IMPLEMENTED),
                rejects("Transfer-Encoding gzip, chunked", chunked("0\r\n\r\n")
                        .replace("chunked", "gzip, chunked"), Status.NOT_IMPLEMENTED),
                rejects("Transfer-Encoding chunked and Content-Length",
                        post("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", "0\r\n\r\n"), Status.BAD_REQUEST),
                rejects("Content-Length and Transfer-Encoding chunked",
                        post("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n"), Status.BAD_REQUEST),
                rejects("Transfer-Encoding chunked, chunked", post("Transfer-Encoding: chunked, chunked\r\n", "0\r\n\r\n"),
                        Status.BAD_REQUEST),
                rejects("Transfer-Encoding chunked on two lines",
                        post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n"),
                        Status.BAD_REQUEST),
                rejects("Transfer-Encoding in HTTP/1.0",
                        "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", Status.BAD_REQUEST),
                rejects("Content-Length abc", post("Content-Length: abc\r\n", ""), Status.BAD_REQUEST),
                rejects("Content-Length -1", post("Content-Length: -1\r\n", ""), Status.BAD_REQUEST),
                rejects("Content-Length +5", post("Content-Length: +5\r\n", "hello"), Status.BAD_REQUEST),
                rejects("Content-Length empty", post("Content-Length:\r\n", ""), Status.BAD_REQUEST),
                rejects("Content-Length 0x5", post("Content-Length: 0x5\r\n", "hello"), Status.BAD_REQUEST),
                rejects("Content-Length list 5, 6", post("Content-Length: 5, 6\r\n", "hello"), Status.BAD_REQUEST),
                rejects("Content-Length lines 5 and 6", post("Content-Length: 5\r\nContent-Length: 6\r\n", "hello"),
                        Status.BAD_REQUEST),
                rejects("whitespace between a field name and its colon", get("Host2 : a\r\n"), Status.BAD_REQUEST),
                rejects("tab between a field name and its colon", get("X-A\t: a\r\n"), Status.BAD_REQUEST),
                rejects("obs-fold continuation line", get("X-A: one\r\n two\r\n"), Status.BAD_REQUEST),
                rejects("whitespace before the first header line", "GET / HTTP/1.1\r\n Host: a\r\n\r\n",
                        Status.BAD_REQUEST),
                rejects("header line without a colon", get("NoColonHere\r\n"), Status.BAD_REQUEST),
                rejects("header line with an empty name", get(": value\r\n"), Status.BAD_REQUEST),
                rejects("missing Host in HTTP/1.1", "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", Status.BAD_REQUEST),
                rejects("two Host lines", get("Host: b\r\n"), Status.BAD_REQUEST),
                rejects("two Host lines in HTTP/1.0", "GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n",
                        Status.BAD_REQUEST),
                rejects("NUL in a header value", get("X-A: a\u0000b\r\n"), Status.BAD_REQUEST),
                rejects("control character in a header value", get("X-A: a\u0001b\r\n"), Status.BAD_REQUEST),
                rejects("DEL in a header value", get("X-A: a\u007fb\r\n"), Status.BAD_REQUEST),
                rejects("bare CR inside a header value", get("X-A: a\rb\r\n"), Status.BAD_REQUEST),
                rejects("bare CR as a header line ending", "GET / HTTP/1.1\r\nHost: a\rX-A: b\r\n\r\n",
                        Status.BAD_REQUEST),
                rejects("bare CR in the request line", "GET /\r HTTP/1.1\r\nHost: a\r\n\r\n", Status.BAD_REQUEST),
                rejects("bare CR before the header section ends", "GET / HTTP/1.1\r\nHost: a\r\n\r\r\n",
                        Status.BAD_REQUEST),
                rejects("chunk size zz", chunked("zz\r\nabc\r\n0\r\n\r\n"), Status.BAD_REQUEST),
                rejects("empty chunk size", chunked("\r\nabc\r\n0\r\n\r\n"), Status.BAD_REQUEST),
                rejects("negative chunk size", chunked("-1\r\nabc\r\n0\r\n\r\n"), Status.BAD_REQUEST),
                rejects("chunk size with 0x prefix", chunked("0x3\r\nabc\r\n0\r\n\r\n"), Status.BAD_REQUEST),
                rejects("chunk data longer than its size", chunked("3\r\nabcd\r\n0\r\n\r\n"), Status.BAD_REQUEST),
                rejects("chunk data without its CRLF", chunked("3\r\nabc0\r\n\r\n"), Status.BAD_REQUEST),
                rejects("trailer section over the header limit", SMALL,
                        chunked("0\r\n" + ("X-T: " + "t".repeat(40) + "\r\n").repeat(6) + "\r\n"),
                        Status.REQUEST_HEADER_FIELDS_TOO_LARGE),
                rejects("control character in a trailer", chunked("0\r\nX-T: a\u0001\r\n\r\n"), Status.BAD_REQUEST),
                // --- smuggling and framing vectors (issue 10); each answer cites the rule that decides it ---
                rejects("bare LF inside the request line ends it early (RFC 9112 §3)",
                        "GET /a\nb HTTP/1.1\r\nHost: a\r\n\r\n", Status.BAD_REQUEST),
                rejects("NUL in a header name (RFC 9110 §5.1: a token)", get("X-\u0000A: b\r\n"), Status.BAD_REQUEST),
                rejects("NUL in the request target (RFC 9112 §3.2)", "GET /a\u0000b HTTP/1.1\r\nHost: a\r\n\r\n",
                        Status.BAD_REQUEST),
                rejects("Transfer-Encoding identity is an unknown coding (RFC 9112 §6.1)",
                        post("Transfer-Encoding: identity\r\n", ""), Status.NOT_IMPLEMENTED),
                rejects("Transfer-Encoding identity, chunked", post("Transfer-Encoding: identity, chunked\r\n", "0\r\n\r\n"),
                        Status.NOT_IMPLEMENTED),
                rejects("Transfer-Encoding with no coding at all", post("Transfer-Encoding: ,\r\n", ""), Status.BAD_REQUEST),
                rejects("Transfer-Encoding chunked in HTTP/1.0 with a Content-Length too",
                        "POST / HTTP/1.0\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                        Status.BAD_REQUEST),
                rejects("chunk size with a leading + (RFC 9112 §7.1: 1*HEXDIG)", chunked("+3\r\nabc\r\n0\r\n\r\n"),
                        Status.BAD_REQUEST),
                rejects("chunk size with leading whitespace", chunked(" 3\r\nabc\r\n0\r\n\r\n"), Status.BAD_REQUEST),
                rejects("chunk size of 16 hex digits, which would overflow a long",
                        chunked("10000000000000003\r\nabc\r\n0\r\n\r\n"), Status.BAD_REQUEST),
                rejects("chunk size ffffffffffffffff (2^64 - 1)", chunked("ffffffffffffffff\r\nabc\r\n0\r\n\r\n"),
                        Status.BAD_REQUEST),
                rejects("chunk size of 15 hex digits: readable, past the body limit",
                        chunked("fffffffffffffff\r\nabc\r\n0\r\n\r\n"), Status.CONTENT_TOO_LARGE),
                rejects("chunk extensions over the chunk-line limit, LF arrives",
                        chunked("2;x=" + "e".repeat(HttpLimits.MAX_CHUNK_LINE_BYTES) + "\r\nok\r\n0\r\n\r\n"),
                        Status.BAD_REQUEST),
                rejects("chunk extensions over the chunk-line limit, LF never arrives",
                        chunked("2;x=" + "e".repeat(2 * HttpLimits.MAX_CHUNK_LINE_BYTES)), Status.BAD_REQUEST),
                rejects("trailers over the header limit, LF never arrives", SMALL,
                        chunked("0\r\nX-T: " + "t".repeat(300)), Status.REQUEST_HEADER_FIELDS_TOO_LARGE),
                rejects("Content-Length with an inner space (RFC 9110 §8.6: 1*DIGIT)", post("Content-Length: 1 0\r\n", ""),
                        Status.BAD_REQUEST),
                rejects("Content-Length with a trailing comma (no empty elements for a length)",
                        post("Content-Length: 5,\r\n", "hello"), Status.BAD_REQUEST),
                rejects("Content-Length 005 next to 5: two spellings, refused (RFC 9110 §8.6)",
                        post("Content-Length: 005\r\nContent-Length: 5\r\n", "hello"), Status.BAD_REQUEST),
                rejects("Content-Length 5, 005 in one list", post("Content-Length: 5, 005\r\n", "hello"),
                        Status.BAD_REQUEST),
                rejects("Host with an empty duplicate", get("Host:\r\n"), Status.BAD_REQUEST),
                rejects("method longer than the method limit (RFC 9112 §3: 501)",
                        "A".repeat(HttpLimits.MAX_METHOD_BYTES + 1) + " / HTTP/1.1\r\nHost: a\r\n\r\n",
                        Status.NOT_IMPLEMENTED),
                rejects("obs-fold after the Host line (RFC 9112 §5.2)", "GET / HTTP/1.1\r\nHost: a\r\n\tb\r\n\r\n",
                        Status.BAD_REQUEST),
                rejects("CONNECT with an origin-form target (RFC 9112 §3.2.3)", "CONNECT / HTTP/1.1\r\nHost: a\r\n\r\n",
                        Status.BAD_REQUEST),
                rejects("OPTIONS * in HTTP/1.1 without Host", "OPTIONS * HTTP/1.1\r\n\r\n", Status.BAD_REQUEST));
    }

    @TestFactory
    Stream<DynamicNode> acceptsValidRequestsHoweverTheBytesArrive() {
        return accepted().map(c -> dynamicContainer(c.name(), Stream.of(
                dynamicTest("whole", () -> assertSingleRequest(c, ParserHarness.run(c.input(), c.limits(), Mode.WHOLE))),
                dynamicTest("byte by byte", () ->
                        assertSingleRequest(c, ParserHarness.run(c.input(), c.limits(), Mode.BYTE_BY_BYTE))),
                dynamicTest("then a pipelined request", () ->
                        assertThenSecondRequest(c, ParserHarness.run(c.input(), c.limits(), Mode.PIPELINED))))));
    }

    @TestFactory
    Stream<DynamicNode> rejectsBadRequestsWithTheirStatusHoweverTheBytesArrive() {
        return rejected().map(c -> dynamicContainer(c.name() + " -> " + c.rejectedWith().code(),
                Arrays.stream(Mode.values()).map(mode -> dynamicTest(modeName(mode), () ->
                        assertRejected(c, ParserHarness.run(c.input(), c.limits(), mode))))));
    }

    private static String modeName(Mode mode) {
        return switch (mode) {
            case WHOLE -> "whole";
            case BYTE_BY_BYTE -> "byte by byte";
            case PIPELINED -> "then a pipelined request";
        };
    }

    private static void assertSingleRequest(Case c, Outcome outcome) {
        assertThat(outcome.failure()).as("failure").isNull();
        assertThat(outcome.messages()).as("messages").hasSize(1);
        assertAccepted(c, outcome.messages().get(0));
        assertThat(outcome.bufferedBytes()).as("bytes left buffered").isZero();
    }

    private static void assertThenSecondRequest(Case c, Outcome outcome) {
        assertThat(outcome.failure()).as("failure").isNull();
        assertThat(outcome.messages()).as("messages").hasSize(2);
        assertAccepted(c, outcome.messages().get(0));
        Message second = outcome.messages().get(1);
        assertThat(second.ended()).as("second request ended").isTrue();
        assertThat(second.head().target()).isEqualTo("/second");
        assertThat(second.head().headers().all("Host")).containsExactly("second.example");
        assertThat(second.body()).isEmpty();
        assertThat(outcome.bufferedBytes()).as("bytes left buffered").isZero();
    }

    private static void assertAccepted(Case c, Message m) {
        assertThat(m.ended()).as("request ended").isTrue();
        c.head().accept(m.head());
        assertThat(m.bodyText()).as("body").isEqualTo(c.body());
    }

    private static void assertRejected(Case c, Outcome outcome) {
        assertThat(outcome.failure()).as("status of " + c.name()).isEqualTo(c.rejectedWith());
        List<Message> ended = outcome.messages().stream().filter(Message::ended).toList();
        assertThat(ended).as("requests completed before the error").isEmpty();
    }

    static {
        // The pipelined request must itself fit the small limits, or accepted SMALL cases would fail for the wrong reason.
        assert SECOND_REQUEST.length() < SMALL.maxHeaderSectionBytes();
    }
}
