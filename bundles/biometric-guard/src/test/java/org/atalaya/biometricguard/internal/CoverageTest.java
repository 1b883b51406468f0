package org.atalaya.biometricguard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.atalaya.api.face.Authorisation;
import org.atalaya.api.face.AuthorisationStatus;
import org.atalaya.api.face.FaceMatch;
import org.junit.jupiter.api.Test;

class CoverageTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final FaceMatch MATCH = new FaceMatch("m-1", "puerto-1", T0.plusSeconds(60), "wl-7", 0.9,
            "https://vms.example/puerto-1/1.jpg");

    @Test
    void anUrgentRequestCoversUntilItsDeadlineAndNotAtIt() {
        Authorisation urgent = authorisation("u", AuthorisationStatus.REQUESTED_URGENT, T0, T0.plus(Duration.ofHours(24)));

        assertThat(Coverage.inForce(urgent, T0.plus(Duration.ofHours(24)).minusNanos(1000))).isTrue();
        assertThat(Coverage.inForce(urgent, T0.plus(Duration.ofHours(24)))).isFalse();
    }

    @Test
    void refusedAndLapsedAuthorisationsCoverNothing() {
        for (AuthorisationStatus status : List.of(AuthorisationStatus.REFUSED, AuthorisationStatus.EXPIRED)) {
            assertThat(Coverage.covering(List.of(authorisation("x", status, T0, null)), MATCH, T0)).isEmpty();
        }
        assertThat(Coverage.covering(List.of(authorisation("g", AuthorisationStatus.GRANTED, T0, null)), MATCH,
                T0.plus(Duration.ofDays(365)))).isPresent();
    }

    @Test
    void aMatchGoesUnderAGrantedAuthorisationRatherThanAnUrgentRequest() {
        Authorisation urgent = authorisation("a-urgent", AuthorisationStatus.REQUESTED_URGENT, T0.minusSeconds(60),
                T0.plus(Duration.ofHours(24)));
        Authorisation granted = authorisation("z-granted", AuthorisationStatus.GRANTED, T0, null);

        assertThat(Coverage.covering(List.of(urgent, granted), MATCH, T0)).contains(granted);
    }

    private static Authorisation authorisation(String id, AuthorisationStatus status, Instant requestedAt,
            Instant due) {
        return new Authorisation(id, "JI-1", List.of("wl-7"), List.of("puerto-1"), T0, T0.plusSeconds(3600),
                "terrorism", status, "someone", "national-police", requestedAt, due, null, null);
    }
}
