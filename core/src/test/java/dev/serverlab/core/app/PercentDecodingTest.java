package dev.serverlab.core.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PercentDecodingTest {

    /** Escapes become octets, hex digits in either case; everything else stands for itself. */
    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "hello           | hello",
        "hello%20world   | hello world",
        "a%2Fb%2fc       | a/b/c",
        "%2e%2E          | ..",
        "plus+stays      | plus+stays",
        "caf%C3%A9       | café",
        "%E2%82%AC       | €",
        "100%25          | 100%",
        "\"\"            | \"\"",
    })
    void decodesEscapesToUtf8Text(String encoded, String decoded) {
        assertThat(PercentDecoding.decodeUtf8(encoded)).isEqualTo(decoded);
    }

    /** A {@code %} must be followed by two hex digits; nothing is guessed. */
    @ParameterizedTest
    @ValueSource(strings = {"%", "%2", "abc%", "%zz", "%g0", "%0g", "a%2"})
    void refusesMalformedEscapes(String encoded) {
        assertThatThrownBy(() -> PercentDecoding.decode(encoded))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("percent-escape");
    }

    /** Overlong and truncated UTF-8 are refused, not replaced: {@code %c0%ae} is the old "." trick. */
    @ParameterizedTest
    @ValueSource(strings = {"%ff", "%c0%ae", "%c0%ae%c0%ae", "%e2%82", "%80"})
    void refusesInvalidUtf8(String encoded) {
        assertThatThrownBy(() -> PercentDecoding.decodeUtf8(encoded))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void decodeGivesRawOctetsEvenWhenTheyAreNotUtf8() {
        assertThat(PercentDecoding.decode("%ff%00a")).containsExactly(0xff, 0x00, 'a');
    }

    @Test
    void encodesUnescapedNonAsciiAsUtf8() {
        assertThat(PercentDecoding.decode("é😀")).isEqualTo("é😀".getBytes(StandardCharsets.UTF_8));
    }
}
