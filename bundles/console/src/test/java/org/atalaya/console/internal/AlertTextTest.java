package org.atalaya.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.atalaya.api.alert.AgencyAlert;
import org.atalaya.api.alert.AlertKind;
import org.junit.jupiter.api.Test;

class AlertTextTest {

    private static final Instant RAISED = Instant.parse("2025-06-01T10:15:30.500Z");

    @Test
    void anUnacknowledgedAlertShowsNoOneAgainstIt() {
        AgencyAlert alert = new AgencyAlert(41, "local-police", "a-1", AlertKind.HIT, 90, "1234BCD", "cam-tarajal-1",
                RAISED, "{}", null, null);

        assertThat(AlertText.row(alert))
                .containsExactly("41", "2025-06-01T10:15:30Z", "HIT", "90", "1234BCD", "cam-tarajal-1", "-");
    }

    @Test
    void anAcknowledgedAlertShowsWhoAndWhen() {
        AgencyAlert alert = new AgencyAlert(42, "national-police", "a-2", AlertKind.CLONE, 70, "1234BCD", null,
                RAISED, "{}", Instant.parse("2025-06-01T10:16:00Z"), "operator7");

        assertThat(AlertText.row(alert)).containsExactly("42", "2025-06-01T10:15:30Z", "CLONE", "70", "1234BCD", "-",
                "operator7 at 2025-06-01T10:16:00Z");
    }
}
