package dev.serverlab.core.http;

import static dev.serverlab.core.http.ParserHarness.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Events gathered into whole requests, and the 100-continue bookkeeping a server needs. */
class RequestAssemblerTest {

    private static void feed(RequestAssembler assembler, String s) {
        byte[] b = bytes(s);
        assembler.feed(b, 0, b.length);
    }

    @Test
    void assemblesAWholeRequestWithItsBody() {
        RequestAssembler assembler = new RequestAssembler();
        feed(assembler, "POST /files/n HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello");

        Request request = assembler.poll();

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/files/n");
        assertThat(request.version()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(request.header("host")).contains("a");
        assertThat(request.body()).isEqualTo(bytes("hello"));
        assertThat(assembler.poll()).isNull();
    }

    @Test
    void joinsAChunkedBodyIntoOneArray() {
        RequestAssembler assembler = new RequestAssembler();
        feed(assembler, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n3\r\ncde\r\n0\r\n\r\n");
        assertThat(assembler.poll().body()).isEqualTo(bytes("abcde"));
    }

    @Test
    void returnsNullUntilTheRequestIsCompleteThenTheRequest() {
        RequestAssembler assembler = new RequestAssembler();
        feed(assembler, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nab");
        assertThat(assembler.poll()).isNull();
        feed(assembler, "cd");
        assertThat(assembler.poll().body()).isEqualTo(bytes("abcd"));
    }

    @Test
    void returnsPipelinedRequestsFromOneFeedInOrder() {
        RequestAssembler assembler = new RequestAssembler();
        assembler.feed(ByteBuffer.wrap(bytes(
                "GET /one HTTP/1.1\r\nHost: a\r\n\r\n"
                + "POST /two HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\n222"
                + "POST /three HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n3\r\n0\r\n\r\n"
                + "GET /four HTTP/1.0\r\n\r\n")));

        assertThat(assembler.poll().target()).isEqualTo("/one");
        Request two = assembler.poll();
        assertThat(two.target()).isEqualTo("/two");
        assertThat(two.body()).isEqualTo(bytes("222"));
        Request three = assembler.poll();
        assertThat(three.target()).isEqualTo("/three");
        assertThat(three.body()).isEqualTo(bytes("3"));
        assertThat(assembler.poll().target()).isEqualTo("/four");
        assertThat(assembler.poll()).isNull();
        assertThat(assembler.isIdle()).isTrue();
    }

    @Test
    void isIdleBeforeAndAfterARequestButNotInTheMiddle() {
        RequestAssembler assembler = new RequestAssembler();
        assertThat(assembler.isIdle()).as("before any byte").isTrue();

        feed(assembler, "POST / HTTP/1.1\r\n");
        assertThat(assembler.poll()).isNull();
        assertThat(assembler.isIdle()).as("mid-head").isFalse();

        feed(assembler, "Host: a\r\nContent-Length: 2\r\n\r\n");
        assertThat(assembler.poll()).isNull();
        assertThat(assembler.isIdle()).as("head done, body not yet arrived").isFalse();

        feed(assembler, "x");
        assertThat(assembler.poll()).isNull();
        assertThat(assembler.isIdle()).as("mid-body").isFalse();

        feed(assembler, "y");
        assertThat(assembler.poll()).isNotNull();
        assertThat(assembler.isIdle()).as("after the request").isTrue();
    }

    @Test
    void isNotIdleWhileAPipelinedRequestWaitsInTheBuffer() {
        RequestAssembler assembler = new RequestAssembler();
        feed(assembler, "GET /one HTTP/1.1\r\nHost: a\r\n\r\nGET /tw");
        assertThat(assembler.poll()).isNotNull();
        assertThat(assembler.isIdle()).isFalse();
    }

    @Test
    void owesContinueOnceWhenExpectIsSetAndNoBodyHasArrived() {
        RequestAssembler assembler = new RequestAssembler();
        feed(assembler, "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
        assertThat(assembler.poll()).isNull();

        assertThat(assembler.takeContinueOwed()).isTrue();
        assertThat(assembler.takeContinueOwed()).as("taken already").isFalse();

        feed(assembler, "abc");
        assertThat(assembler.poll().body()).isEqualTo(bytes("abc"));
        assertThat(assembler.takeContinueOwed()).isFalse();
    }

    /** The bytes a server writes for it: the whole rule in the assembler, the caller only writes. */
    @Test
    void interimResponseIs100ContinueOnceThenNothing() {
        RequestAssembler assembler = new RequestAssembler();
        feed(assembler, "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
        assertThat(assembler.poll()).isNull();
        assertThat(assembler.takeInterimResponse()).isEqualTo(bytes("HTTP/1.1 100 Continue\r\n\r\n"));
        assertThat(assembler.takeInterimResponse()).isNull();
    }

    @Test
    void expectMatchesWithoutRegardToCase() {
        RequestAssembler assembler = new RequestAssembler();
        feed(assembler, "POST / HTTP/1.1\r\nHost: a\r\nexpect: 100-Continue\r\nContent-Length: 3\r\n\r\n");
        assertThat(assembler.poll()).isNull();
        assertThat(assembler.takeContinueOwed()).isTrue();
    }

    @Test
    void owesNoContinueWithoutExpect() {
        RequestAssembler assembler = new RequestAssembler();
        feed(assembler, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\n");
        assertThat(assembler.poll()).isNull();
        assertThat(assembler.takeContinueOwed()).isFalse();
    }

    @Test
    void owesNoContinueOnceBodyBytesHaveArrived() {
        RequestAssembler assembler = new RequestAssembler();
        feed(assembler, "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\na");
        assertThat(assembler.poll()).isNull();
        assertThat(assembler.takeContinueOwed()).as("the client stopped waiting").isFalse();
    }

    @Test
    void owesNoContinueWhenTheRequestIsAlreadyComplete() {
        RequestAssembler assembler = new RequestAssembler();
        feed(assembler, "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 0\r\n\r\n");
        assertThat(assembler.poll()).isNotNull();
        assertThat(assembler.takeContinueOwed()).isFalse();
    }

    @Test
    void owesNoContinueToAnHttp10Client() {
        // RFC 9110 §10.1.1: a server MUST ignore 100-continue in an HTTP/1.0 request.
        RequestAssembler assembler = new RequestAssembler();
        feed(assembler, "POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
        assertThat(assembler.poll()).isNull();
        assertThat(assembler.takeContinueOwed()).isFalse();
    }

    @Test
    void passesTheParsersErrorThroughWithItsStatus() {
        RequestAssembler assembler = new RequestAssembler(new HttpLimits(64, 256, 4));
        feed(assembler, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello");
        assertThatThrownBy(assembler::poll).isInstanceOfSatisfying(HttpProtocolException.class,
                e -> assertThat(e.status()).isEqualTo(Status.CONTENT_TOO_LARGE));
        assertThatThrownBy(assembler::poll).isInstanceOf(HttpProtocolException.class);
    }
}
