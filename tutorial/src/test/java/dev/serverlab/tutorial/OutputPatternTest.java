package dev.serverlab.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputPatternTest {

    private static final String SHOWN = """
            HTTP/1.1 200 OK
            Date: …
            Content-Length: 2

            hi""";

    @Test
    void anEllipsisInALineStandsForAnyText() {
        assertThat(new OutputPattern(SHOWN).matches(
                "HTTP/1.1 200 OK\r\nDate: Fri, 04 Dec 2026 15:44:07 GMT\r\nContent-Length: 2\r\n\r\nhi")).isTrue();
    }

    @Test
    void anyOtherDifferenceFails() {
        assertThat(new OutputPattern(SHOWN).matches("HTTP/1.1 200 OK\nDate: x\nContent-Length: 3\n\nhi")).isFalse();
        assertThat(new OutputPattern(SHOWN).matches("HTTP/1.1 200 OK\nDate: x\nContent-Length: 2\n\nhi\nmore")).isFalse();
    }

    @Test
    void anEllipsisLineStandsForAnyNumberOfLines() {
        OutputPattern pattern = new OutputPattern("first\n…\nlast\n");
        assertThat(pattern.matches("first\nlast")).isTrue();
        assertThat(pattern.matches("first\na\nb\nlast\n\n")).isTrue();
        assertThat(pattern.matches("first\na\nb")).isFalse();
    }

    @Test
    void theRunsPortReadsAsTheChaptersPort() {
        assertThat(OutputPattern.normalise("listening on http://localhost:4821/ pid 148210", 4821))
                .isEqualTo("listening on http://localhost:4221/ pid 148210");
    }
}
