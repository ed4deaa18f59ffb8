package dev.serverlab.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The bytes a {@link Response} becomes, read back line by line. */
class ResponseEncoderTest {

    private static final String IMF_FIXDATE =
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
            + "\\d{2}:\\d{2}:\\d{2} GMT";

    /** The encoded response split at the first empty line: head lines, and the body. */
    private record Wire(List<String> lines, String body) {
        static Wire of(ByteBuffer encoded) {
            byte[] b = new byte[encoded.remaining()];
            encoded.get(b);
            String text = new String(b, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("head ends with an empty line").isNotNegative();
            return new Wire(Arrays.asList(text.substring(0, end).split("\r\n", -1)), text.substring(end + 4));
        }

        List<String> headers(String name) {
            return lines.stream().skip(1)
                    .filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(l -> l.substring(name.length() + 1).strip())
                    .toList();
        }
    }

    @Test
    void startsWithTheStatusLineAndItsReasonPhrase() {
        assertThat(Wire.of(ResponseEncoder.encode(Response.of(Status.NOT_FOUND), false)).lines().get(0))
                .isEqualTo("HTTP/1.1 404 Not Found");
        assertThat(Wire.of(ResponseEncoder.encode(Response.of(Status.HTTP_VERSION_NOT_SUPPORTED), false)).lines().get(0))
                .isEqualTo("HTTP/1.1 505 HTTP Version Not Supported");
    }

    @Test
    void sendsContentLengthAndTheBody() {
        Wire wire = Wire.of(ResponseEncoder.encode(Response.text(Status.OK, "héllo"), false));
        assertThat(wire.headers("Content-Length")).containsExactly("6");
        assertThat(wire.body().getBytes(StandardCharsets.ISO_8859_1))
                .isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sendsContentLengthZeroForAnEmptyBody() {
        Wire wire = Wire.of(ResponseEncoder.encode(Response.of(Status.OK), false));
        assertThat(wire.headers("Content-Length")).containsExactly("0");
        assertThat(wire.body()).isEmpty();
    }

    @Test
    void answersHeadWithTheRealBodysContentLengthAndNoBody() {
        Wire wire = Wire.of(ResponseEncoder.encode(Response.text(Status.OK, "twelve bytes"), true));
        assertThat(wire.headers("Content-Length")).containsExactly("12");
        assertThat(wire.body()).isEmpty();
    }

    @Test
    void sendsDateInImfFixdateFormat() {
        Wire wire = Wire.of(ResponseEncoder.encode(Response.of(Status.OK), false));
        assertThat(wire.headers("Date")).singleElement().asString().matches(IMF_FIXDATE);
    }

    @Test
    void formatsAKnownInstantAsRfc9110Does() {
        // The example date from RFC 9110 §5.6.7.
        assertThat(HttpDate.format(784111777)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(HttpDate.format(0)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
    }

    @Test
    void doesNotDuplicateAnAppSuppliedContentLengthOrDate() {
        Response response = Response.text(Status.OK, "abc")
                .withHeader("content-length", "999")
                .withHeader("Date", "yesterday");
        Wire wire = Wire.of(ResponseEncoder.encode(response, false));
        assertThat(wire.headers("Content-Length")).containsExactly("3");
        assertThat(wire.headers("Date")).singleElement().asString().matches(IMF_FIXDATE);
    }

    @Test
    void keepsTheApplicationsHeadersInOrder() {
        Response response = new Response(Status.CREATED,
                Headers.of("Content-Type", "text/plain", "X-One", "1", "X-Two", "2"), new byte[0]);
        Wire wire = Wire.of(ResponseEncoder.encode(response, false));
        assertThat(wire.lines()).containsSubsequence("HTTP/1.1 201 Created", "Content-Type: text/plain",
                "X-One: 1", "X-Two: 2");
    }

    /**
     * The encoder writes bytes directly, for speed; this is the plain
     * StringBuilder encoding it replaced, kept as the reference its output
     * must equal byte for byte.
     */
    private static byte[] referenceEncoding(Response response, boolean omitBody, String date) {
        StringBuilder sb = new StringBuilder();
        sb.append("HTTP/1.1 ").append(response.status().code()).append(' ').append(response.status().reason())
                .append("\r\n");
        for (Headers.Field f : response.headers().fields()) {
            if (!f.name().equalsIgnoreCase("Content-Length") && !f.name().equalsIgnoreCase("Date")) {
                sb.append(f.name()).append(": ").append(f.value()).append("\r\n");
            }
        }
        sb.append("Date: ").append(date).append("\r\n");
        if (!response.status().isInformational()) {
            sb.append("Content-Length: ").append(response.body().length).append("\r\n");
        }
        sb.append("\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = omitBody ? new byte[0] : response.body();
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    static List<Response> responses() {
        List<Response> list = new ArrayList<>();
        for (Status status : Status.values()) {
            list.add(Response.of(status));
            list.add(Response.text(status, "héllo"));
        }
        list.add(new Response(Status.OK, Headers.of("Content-Type", "text/plain", "Vary", "Accept-Encoding"),
                "hello".getBytes(StandardCharsets.US_ASCII)));
        list.add(Response.text(Status.OK, "x").withHeader("Content-Length", "99").withHeader("date", "yesterday"));
        list.add(Response.of(Status.OK).withHeader("X-Obs", "a\tcaf\u00e9 \u20ac \ud83d\ude00 end"));
        list.add(Response.of(Status.OK).withHeader("X-Empty", ""));
        for (int length : new int[] {9, 10, 99, 100, 12_345, 1_000_000}) {
            list.add(new Response(Status.OK, Headers.empty(), new byte[length]));
        }
        list.add(Response.busy());
        list.add(Response.requestTimeout());
        return list;
    }

    @ParameterizedTest
    @MethodSource("responses")
    void encodesExactlyTheBytesOfThePlainStringEncoding(Response response) {
        String date = "Sun, 06 Nov 1994 08:49:37 GMT";
        byte[] dateBytes = date.getBytes(StandardCharsets.ISO_8859_1);
        for (boolean omitBody : new boolean[] {false, true}) {
            ByteBuffer encoded = ResponseEncoder.encode(response, omitBody, dateBytes);
            byte[] actual = new byte[encoded.remaining()];
            encoded.get(actual);
            assertThat(actual).as("omitBody " + omitBody)
                    .isEqualTo(referenceEncoding(response, omitBody, date));
        }
    }

    @Test
    void encodesTheInterimContinueAsABareStatusLine() {
        assertThat(new String(ResponseEncoder.continueInterim(), StandardCharsets.ISO_8859_1))
                .isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
    }

    @Test
    void sendsNoContentLengthOnAnInformationalResponse() {
        Wire wire = Wire.of(ResponseEncoder.encode(Response.of(Status.CONTINUE), false));
        assertThat(wire.lines().get(0)).isEqualTo("HTTP/1.1 100 Continue");
        assertThat(wire.headers("Content-Length")).isEmpty();
    }

    /** Response splitting (RFC 9110 §5.5): no CR, LF, NUL or other control in a value, only tokens as names. */
    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {"value|a\r\nSet-Cookie: x=1", "value|a\nb", "value|a\rb", "value|a\0b", "value|a\u0001b",
            "name|X-A\r\nB", "name|X A", "name|", "name|X:A"})
    void refusesHeaderFieldsThatWouldSplitTheResponse(String where) {
        String[] parts = where.split("\\|", -1);
        Response bad = parts[0].equals("value")
                ? Response.of(Status.OK).withHeader("X-A", parts[1])
                : Response.of(Status.OK).withHeader(parts[1], "v");
        assertThatIllegalArgumentException().isThrownBy(() -> ResponseEncoder.encode(bad, false));
        assertThatIllegalArgumentException().isThrownBy(() -> ResponseEncoder.requireWritable(bad));
    }

    @Test
    void writesTabsAndObsTextInValues() {
        Response ok = Response.of(Status.OK).withHeader("X-A", "a\tcaf\u00e9");
        assertThat(Wire.of(ResponseEncoder.encode(ok, false)).headers("X-A")).containsExactly("a\tcaf\u00e9");
    }

    /** RFC 9110 §9.3.2, decided by the encoder for every stage: HEAD gets GET's headers, Content-Length included, and no body. */
    @Test
    void encodeForHeadOmitsTheBodyButKeepsItsLength() {
        Response hello = Response.text(Status.OK, "hello");
        RequestHead head = new RequestHead("HEAD", "/", HttpVersion.HTTP_1_1, Headers.of("Host", "a"));
        RequestHead get = new RequestHead("GET", "/", HttpVersion.HTTP_1_1, Headers.of("Host", "a"));
        Wire forHead = Wire.of(ResponseEncoder.encodeFor(head, hello));
        assertThat(forHead.headers("Content-Length")).containsExactly("5");
        assertThat(forHead.body()).isEmpty();
        assertThat(Wire.of(ResponseEncoder.encodeFor(get, hello)).body()).isEqualTo("hello");
        assertThat(Wire.of(ResponseEncoder.encodeFor(null, hello)).body()).as("an answer to no request").isEqualTo("hello");
    }
}
