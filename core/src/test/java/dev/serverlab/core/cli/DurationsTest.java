package dev.serverlab.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Durations as written on the command line: the accepted forms, the refused ones and why, and the way back. */
class DurationsTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("0", Duration.ZERO),
                Arguments.of("0ms", Duration.ZERO),
                Arguments.of("0s", Duration.ZERO),
                Arguments.of("500ms", Duration.ofMillis(500)),
                Arguments.of("5s", Duration.ofSeconds(5)),
                Arguments.of("2m", Duration.ofMinutes(2)),
                Arguments.of("90s", Duration.ofSeconds(90)),
                Arguments.of("007s", Duration.ofSeconds(7)),
                Arguments.of("2147483647ms", Durations.MAX));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void parsesTheThreeUnitsAndZero(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("", "is empty"),
                Arguments.of("5", "\"5\" has no unit; write 5ms, 5s or 5m"),
                Arguments.of("1.5s", "is not a whole number"),
                Arguments.of(".5s", "is not a whole number"),
                Arguments.of("-5s", "is negative"),
                Arguments.of("5h", "has an unknown unit"),
                Arguments.of("5S", "has an unknown unit"),
                Arguments.of("5sec", "has an unknown unit"),
                Arguments.of("PT5S", "is not a duration"),
                Arguments.of("5 s", "is not a duration"),
                Arguments.of(" 5s", "is not a duration"),
                Arguments.of("+5s", "is not a duration"),
                Arguments.of("s", "is not a duration"),
                Arguments.of("5s5ms", "is not a duration"),
                Arguments.of("2147483648ms", "is too long; the most is 2147483647ms"),
                Arguments.of("99999999999999999999m", "is too long"),
                Arguments.of("153722867280912931m", "is too long"));   // Duration.ofMinutes overflows
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("refused")
    void refusesAnythingElseWithAReasonThatQuotesTheText(String text, String reason) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("\"" + text + "\" ")
                .hasMessageContaining(reason);
    }

    @Test
    void formatsInTheLargestUnitThatDividesExactly() {
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0");
        assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofSeconds(5))).isEqualTo("5s");
        assertThat(Durations.format(Duration.ofSeconds(120))).isEqualTo("2m");
        assertThat(Durations.format(Duration.ofHours(1))).isEqualTo("60m");
    }

    @Test
    void formatThenParseGivesTheSameDuration() {
        for (long ms : new long[] {0, 1, 999, 1000, 1001, 59_999, 60_000, 61_000, 3_600_000, Integer.MAX_VALUE}) {
            Duration d = Duration.ofMillis(ms);
            assertThat(Durations.parse(Durations.format(d))).as("%d ms", ms).isEqualTo(d);
        }
    }

    @Test
    void refusesToFormatWhatNoFlagCouldExpress() {
        assertThatThrownBy(() -> Durations.format(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.format(Duration.ofNanos(1_500_000)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
