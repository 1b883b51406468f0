package org.atalaya.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.atalaya.api.face.Authorisation;
import org.atalaya.api.face.AuthorisationStatus;
import org.atalaya.api.face.Confirmation;
import org.atalaya.api.face.DeliveredMatch;
import org.atalaya.api.face.FaceMatch;
import org.atalaya.api.face.MatchState;
import org.junit.jupiter.api.Test;

class FaceTextTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00.250Z");
    private static final FaceMatch MATCH = new FaceMatch("puerto-1-000042", "puerto-1", T0, "wl-interpol-7731", 0.934,
            "https://vms.ceuta.example/puerto-1/000042.jpg");

    @Test
    void aMatchRowSaysWhoConfirmedItAndWhetherItMayBeActedUpon() {
        DeliveredMatch delivered = new DeliveredMatch(42, MATCH, "auth-1", "national-police", MatchState.ACTIONABLE,
                T0, List.of(new Confirmation("agente-0417", "national-police", T0),
                        new Confirmation("agente-0932", "national-police", T0)));

        assertThat(FaceText.matchRow(delivered)).containsExactly("42", "puerto-1-000042", "2026-11-21T10:00:00Z",
                "puerto-1", "wl-interpol-7731", "0.93", "ACTIONABLE", "agente-0417, agente-0932", "auth-1");
        assertThat(FaceText.matchRow(delivered)).hasSameSizeAs(FaceText.MATCH_COLUMNS);
    }

    @Test
    void anUrgentRequestShowsWhenItLapses() {
        Authorisation urgent = new Authorisation("auth-2", "URG-2026-0012", List.of("wl-1", "wl-2"), List.of("puerto-1"),
                T0, T0.plusSeconds(7200), "terrorism", AuthorisationStatus.REQUESTED_URGENT, "agente-0417",
                "national-police", T0, T0.plusSeconds(86_400), null, null);

        assertThat(FaceText.authorisationRow(urgent)).containsExactly("auth-2", "URG-2026-0012",
                "REQUESTED_URGENT (lapses 2026-11-22T10:00:00Z)", "terrorism", "wl-1, wl-2", "puerto-1",
                "2026-11-21T10:00:00Z", "2026-11-21T12:00:00Z", "agente-0417 (national-police) at 2026-11-21T10:00:00Z",
                "-");
        assertThat(FaceText.authorisationRow(urgent)).hasSameSizeAs(FaceText.AUTHORISATION_COLUMNS);
    }

    @Test
    void aConfirmationSaysWhatIsStillNeeded() {
        DeliveredMatch once = new DeliveredMatch(42, MATCH, "auth-1", "national-police",
                MatchState.PENDING_VERIFICATION, T0, List.of(new Confirmation("agente-0417", "national-police", T0)));

        assertThat(FaceText.confirmed(once, "agente-0417", 2)).isEqualTo("Face match puerto-1-000042 confirmed by"
                + " agente-0417: 1 of 2 confirmations, PENDING_VERIFICATION (another person must verify it)");
    }
}
