package dev.serverlab.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The table in {@link ConnectionPersistence}'s Javadoc, row by row (RFC 9112 §9.3). */
class ConnectionPersistenceTest {

    /**
     * @param connection the request's Connection header, or null for none
     * @param says       the Connection header the marked response carries, or null for none
     */
    record Row(String name, HttpVersion version, String connection, boolean serverKeepsAlive,
               boolean persists, String says) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> table() {
        return Stream.of(
                new Row("HTTP/1.1 persists by default", HttpVersion.HTTP_1_1, null, true, true, null),
                new Row("HTTP/1.1 with Connection: close", HttpVersion.HTTP_1_1, "close", true, false, "close"),
                new Row("HTTP/1.1 with Connection: CLOSE", HttpVersion.HTTP_1_1, "CLOSE", true, false, "close"),
                new Row("HTTP/1.1 with Connection: foo, close", HttpVersion.HTTP_1_1, "foo, close", true, false, "close"),
                new Row("HTTP/1.1 with Connection: keep-alive", HttpVersion.HTTP_1_1, "keep-alive", true, true, null),
                new Row("HTTP/1.0 closes by default", HttpVersion.HTTP_1_0, null, true, false, "close"),
                new Row("HTTP/1.0 with Connection: keep-alive", HttpVersion.HTTP_1_0, "keep-alive", true, true,
                        "keep-alive"),
                new Row("HTTP/1.0 with Connection: Keep-Alive", HttpVersion.HTTP_1_0, "Keep-Alive", true, true,
                        "keep-alive"),
                new Row("HTTP/1.0 with Connection: keep-alive, close", HttpVersion.HTTP_1_0, "keep-alive, close", true,
                        false, "close"),
                new Row("HTTP/1.1, server keep-alive off", HttpVersion.HTTP_1_1, null, false, false, "close"),
                new Row("HTTP/1.0 with keep-alive, server keep-alive off", HttpVersion.HTTP_1_0, "keep-alive", false,
                        false, "close"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decidesPersistenceAndMarksTheResponseAsTheTableSays(Row row) {
        Headers headers = row.connection() == null
                ? Headers.of("Host", "a")
                : Headers.of("Host", "a", "Connection", row.connection());
        RequestHead request = new RequestHead("GET", "/", row.version(), headers);

        boolean persists = ConnectionPersistence.persists(request, row.serverKeepsAlive());
        Response marked = ConnectionPersistence.mark(Response.of(Status.OK), request, persists);

        assertThat(persists).as("persists").isEqualTo(row.persists());
        assertThat(marked.headers().all("Connection"))
                .isEqualTo(row.says() == null ? List.of() : List.of(row.says()));
    }

    @Test
    void closingReplacesAnyConnectionHeaderWithClose() {
        Response withKeepAlive = Response.of(Status.BAD_REQUEST).withHeader("connection", "keep-alive");
        assertThat(ConnectionPersistence.closing(withKeepAlive).headers().all("Connection"))
                .containsExactly("close");
    }
}
