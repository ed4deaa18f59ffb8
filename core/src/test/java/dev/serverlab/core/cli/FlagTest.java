package dev.serverlab.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Declaring flags: values each kind accepts, and the declaration mistakes
 * that fail at once rather than when a user happens to hit them.
 */
class FlagTest {

    private final Flag workers = Flag.integer("--workers", "N", "worker threads", 4, 1, 10_000);

    @Test
    void integerAcceptsItsRangeInclusive() {
        assertThat(workers.parse("1")).isEqualTo(1);
        assertThat(workers.parse("10000")).isEqualTo(10_000);
        assertThat(workers.parse("0042")).isEqualTo(42);
        assertThat(workers.range()).isEqualTo("1..10000");
        assertThat(workers.defaultText()).isEqualTo("4");
    }

    @Test
    void integerRefusesSignsOtherDigitsAndHugeNumbers() {
        assertThatThrownBy(() -> workers.parse("+5")).hasMessage("--workers: \"+5\" is not a whole number");
        assertThatThrownBy(() -> workers.parse("\u0665")).hasMessageContaining("is not a whole number");
        assertThatThrownBy(() -> workers.parse("1e3")).hasMessageContaining("is not a whole number");
        assertThatThrownBy(() -> workers.parse("99999999999999999999999"))
                .hasMessage("--workers: \"99999999999999999999999\" is outside 1..10000");
        assertThatThrownBy(() -> workers.parse("-1")).hasMessage("--workers: \"-1\" is outside 1..10000");
    }

    @Test
    void boolIsSpelledExactly() {
        Flag keepAlive = Flag.bool("--keep-alive", "true|false", "persistent connections", true);
        assertThat(keepAlive.parse("true")).isEqualTo(true);
        assertThat(keepAlive.parse("false")).isEqualTo(false);
        assertThatThrownBy(() -> keepAlive.parse("TRUE")).hasMessage("--keep-alive: \"TRUE\" is not true or false");
        assertThatThrownBy(() -> keepAlive.parse("yes")).isInstanceOf(UsageException.class);
    }

    @Test
    void choiceAcceptsOnlyItsWords() {
        Flag whenFull = Flag.choice("--when-full", "wait|reject", "when at the limit", "wait", List.of("wait", "reject"));
        assertThat(whenFull.parse("reject")).isEqualTo("reject");
        assertThatThrownBy(() -> whenFull.parse("drop")).hasMessage("--when-full: \"drop\" is not one of wait, reject");
    }

    @Test
    void durationUsesDurationsAndShowsItsDefaultTheSameWay() {
        Flag timeout = Flag.duration("--read-timeout", "D", "deadline", Duration.ofSeconds(10));
        assertThat(timeout.defaultText()).isEqualTo("10s");
        assertThat(timeout.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> timeout.parse("10")).hasMessage("--read-timeout: \"10\" has no unit; write 10ms, 10s or 10m");
    }

    @Test
    void declarationMistakesFailAtOnce() {
        assertThatThrownBy(() -> Flag.integer("--n", "N", "n", 0, 1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Flag.integer("--n", "N", "n", 5, 10, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Flag.integer("workers", "N", "n", 1, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Flag.integer("--Workers", "N", "n", 1, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Flag.integer("--a=b", "N", "n", 1, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Flag.integer("--n", " ", "n", 1, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Flag.choice("--c", "a|b", "c", "x", List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Flag.duration("--d", "D", "d", Duration.ofNanos(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Flag.duration("--d", "D", "d", Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
