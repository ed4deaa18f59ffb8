package dev.serverlab.nio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The loop's timer: earliest first, one deadline per target, replaced or cancelled in place. */
class DeadlinesTest {

    @Test
    void expiresInDeadlineOrderAndOnlyWhenDue() {
        Deadlines<String> d = new Deadlines<>();
        d.set("late", 300);
        d.set("early", 100);
        d.set("middle", 200);
        assertThat(d.nextAt()).isEqualTo(100);
        assertThat(d.pollExpired(99)).isNull();
        assertThat(d.pollExpired(250)).isEqualTo("early");
        assertThat(d.pollExpired(250)).isEqualTo("middle");
        assertThat(d.pollExpired(250)).isNull();
        assertThat(d.nextAt()).isEqualTo(300);
    }

    @Test
    void settingAgainReplacesTheOldDeadline() {
        Deadlines<String> d = new Deadlines<>();
        d.set("conn", 100);
        d.set("conn", 500); // e.g. idle deadline replaced by a read deadline
        assertThat(d.size()).isEqualTo(1);
        assertThat(d.pollExpired(200)).isNull();
        assertThat(d.pollExpired(500)).isEqualTo("conn");
        assertThat(d.nextAt()).isEqualTo(Deadlines.NONE);
    }

    @Test
    void cancelledTargetsNeverExpireAndEqualTimesAllExpire() {
        Deadlines<String> d = new Deadlines<>();
        d.set("a", 100);
        d.set("b", 100);
        d.set("c", 100);
        d.cancel("b");
        assertThat(d.pollExpired(100)).isEqualTo("a");
        assertThat(d.pollExpired(100)).isEqualTo("c");
        assertThat(d.pollExpired(100)).isNull();
        assertThat(d.size()).isZero();
    }
}
