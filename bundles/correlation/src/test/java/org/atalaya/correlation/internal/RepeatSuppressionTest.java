package org.atalaya.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RepeatSuppressionTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final RepeatSuppression suppression = new RepeatSuppression(Duration.ofMinutes(5));

    @Test
    void admitsTheFirstHitAndSuppressesRepeatsAtTheSameCameraWithinTheWindow() {
        assertThat(suppression.admit("tarajal-1", "1234BCD", T0)).isTrue();
        assertThat(suppression.admit("tarajal-1", "1234BCD", T0.plusSeconds(10))).isFalse();
        assertThat(suppression.admit("tarajal-1", "1234BCD", T0.plusSeconds(299))).isFalse();
        assertThat(suppression.admit("tarajal-1", "1234BCD", T0.plusSeconds(300))).isTrue();
    }

    @Test
    void anotherCameraOrAnotherPlateIsANewAlert() {
        suppression.admit("tarajal-1", "1234BCD", T0);
        assertThat(suppression.admit("puerto-1", "1234BCD", T0.plusSeconds(5))).isTrue();
        assertThat(suppression.admit("tarajal-1", "5678FGH", T0.plusSeconds(5))).isTrue();
    }

    @Test
    void aLateReadFromBeforeTheLastAlertIsSuppressed() {
        suppression.admit("tarajal-1", "1234BCD", T0);
        assertThat(suppression.admit("tarajal-1", "1234BCD", T0.minusSeconds(30))).isFalse();
    }

    @Test
    void forgetsWhatIsOlderThanTheWindow() {
        suppression.admit("tarajal-1", "1234BCD", T0);
        suppression.admit("puerto-1", "1234BCD", T0.plusSeconds(200));

        assertThat(suppression.expire(T0.plusSeconds(400))).isEqualTo(1);
        assertThat(suppression.remembered()).isEqualTo(1);
    }
}
