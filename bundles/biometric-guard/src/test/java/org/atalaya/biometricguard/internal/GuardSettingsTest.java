package org.atalaya.biometricguard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class GuardSettingsTest {

    @Test
    void anUrgentRequestMayNotDeliverLongerThanTheLawsTwentyFourHours() {
        assertThat(settings(10, 24, 2).urgentLimit()).isEqualTo(Duration.ofHours(24));
        assertThatThrownBy(() -> settings(10, 25, 2)).hasMessageContaining("urgentHours must be from 1 to 24");
        assertThatThrownBy(() -> settings(10, 0, 2)).hasMessageContaining("urgentHours");
    }

    @Test
    void aMatchIsNeverVerifiedByOnePersonAlone() {
        assertThatThrownBy(() -> settings(10, 24, 1)).hasMessageContaining("confirmationsRequired must be at least 2");
        assertThat(settings(10, 24, 3).confirmationsRequired()).isEqualTo(3);
    }

    @Test
    void anUncoveredMatchIsKeptAtLeastAMinuteAndAtMostAnHour() {
        assertThatThrownBy(() -> settings(0, 24, 2)).hasMessageContaining("holdWindowMinutes");
        assertThatThrownBy(() -> settings(61, 24, 2)).hasMessageContaining("holdWindowMinutes");
        assertThat(settings(60, 24, 2).holdWindow()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theRecipientCannotAuthoriseItself() {
        assertThatThrownBy(() -> new GuardSettings(Duration.ofMinutes(10), Duration.ofHours(24), "national-police",
                " national-police ", 2)).hasMessageContaining("cannot be the judicial authority");
        assertThatThrownBy(() -> new GuardSettings(Duration.ofMinutes(10), Duration.ofHours(24), "national-police",
                "", 2)).hasMessageContaining("must both be set");
    }

    private static GuardSettings settings(int holdMinutes, int urgentHours, int confirmations) {
        return new GuardSettings(Duration.ofMinutes(holdMinutes), Duration.ofHours(urgentHours), "national-police",
                "justice", confirmations);
    }
}
