package org.atalaya.routes.vehicleregistry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class StalenessTest {

    private static final Instant SYNCED = Instant.parse("2026-11-21T08:00:00Z");

    private final MovingClock clock = new MovingClock(SYNCED);
    private final Staleness staleness = new Staleness("interior-ministry", Duration.ofMinutes(15), clock, SYNCED);

    @Test
    void failuresWithinTheAllowedTimeRaiseNothing() {
        clock.advance(Duration.ofMinutes(10));

        assertThat(staleness.failed("connection refused")).isEmpty();
        assertThat(staleness.stale()).isFalse();
        assertThat(staleness.lastFailure()).isEqualTo("connection refused");
    }

    @Test
    void pastTheAllowedTimeOneAlertIsRaisedAndOneClearsItWhenASyncSucceeds() {
        clock.advance(Duration.ofMinutes(16));

        assertThat(staleness.failed("connection refused")).hasValueSatisfying(alert -> {
            assertThat(alert.active()).isTrue();
            assertThat(alert.condition()).isEqualTo("hotlist-stale");
            assertThat(alert.subject()).isEqualTo("interior-ministry");
            assertThat(alert.message()).contains("last synced at " + SYNCED, "connection refused",
                    "Matching goes on");
        });
        clock.advance(Duration.ofMinutes(1));
        assertThat(staleness.failed("connection refused")).isEmpty();
        assertThat(staleness.check()).isEmpty();
        assertThat(staleness.stale()).isTrue();

        clock.advance(Duration.ofMinutes(1));
        assertThat(staleness.synced()).hasValueSatisfying(cleared -> {
            assertThat(cleared.active()).isFalse();
            assertThat(cleared.id()).endsWith("-cleared");
            assertThat(cleared.since()).isEqualTo(SYNCED.plus(Duration.ofMinutes(16)));
        });
        assertThat(staleness.stale()).isFalse();
        assertThat(staleness.lastFailure()).isNull();
        assertThat(staleness.synced()).isEmpty();
    }

    @Test
    void aHubThatNeverSyncedIsStaleAtItsFirstFailure() {
        Staleness never = new Staleness("interior-ministry", Duration.ofMinutes(15), clock, null);

        assertThat(never.stale()).isTrue();
        assertThat(never.failed("no route to host")).hasValueSatisfying(alert ->
                assertThat(alert.message()).contains("never synced"));
    }

    @Test
    void aQuietListConfirmedAtEachPollNeverGoesStale() {
        for (int poll = 0; poll < 60; poll++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(staleness.synced()).isEmpty();
        }
        assertThat(staleness.check()).isEmpty();
        assertThat(staleness.lastSync()).isEqualTo(SYNCED.plus(Duration.ofHours(1)));
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
