package dev.serverlab.nio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The loop's timer: earliest first across lanes, one deadline per entry, replaced or cancelled in place. */
class DeadlinesTest {

    private final Deadlines d = new Deadlines();
    private final Deadlines.Lane short100 = d.lane(Duration.ofNanos(100));
    private final Deadlines.Lane long300 = d.lane(Duration.ofNanos(300));
    private final Deadlines.Entry a = new Deadlines.Entry();
    private final Deadlines.Entry b = new Deadlines.Entry();
    private final Deadlines.Entry c = new Deadlines.Entry();

    @Test
    void expiresInDeadlineOrderAcrossLanesAndOnlyWhenDue() {
        d.set(a, long300, 0);   // due at 300
        d.set(b, short100, 0);  // due at 100
        d.set(c, short100, 100); // due at 200
        assertThat(d.nextAt()).isEqualTo(100);
        assertThat(d.pollExpired(99)).isNull();
        assertThat(d.pollExpired(250)).isSameAs(b);
        assertThat(d.pollExpired(250)).isSameAs(c);
        assertThat(d.pollExpired(250)).isNull();
        assertThat(d.nextAt()).isEqualTo(300);
    }

    @Test
    void settingAgainReplacesTheOldDeadlineEvenInAnotherLane() {
        d.set(a, short100, 0);
        d.set(a, long300, 200); // e.g. an idle deadline replaced by a read deadline: due at 500
        assertThat(d.size()).isEqualTo(1);
        assertThat(d.pollExpired(200)).isNull();
        assertThat(d.pollExpired(500)).isSameAs(a);
        assertThat(d.nextAt()).isEqualTo(Deadlines.NONE);
    }

    @Test
    void cancelledEntriesNeverExpireAndEqualTimesAllExpire() {
        d.set(a, short100, 0);
        d.set(b, short100, 0);
        d.set(c, short100, 0);
        d.cancel(b);
        d.cancel(b); // twice is harmless
        assertThat(d.pollExpired(100)).isSameAs(a);
        assertThat(d.pollExpired(100)).isSameAs(c);
        assertThat(d.pollExpired(100)).isNull();
        assertThat(d.size()).isZero();
    }

    @Test
    void aZeroTimeoutHasNoLaneAndSettingItCancels() {
        assertThat(d.lane(Duration.ZERO)).isNull();
        d.set(a, short100, 0);
        d.set(a, null, 0);
        assertThat(d.size()).isZero();
        assertThat(d.nextAt()).isEqualTo(Deadlines.NONE);
    }
}
