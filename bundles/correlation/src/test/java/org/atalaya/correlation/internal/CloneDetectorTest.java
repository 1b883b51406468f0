package org.atalaya.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;

import org.atalaya.api.anpr.Sighting;
import org.atalaya.api.geo.GeoPoint;
import org.junit.jupiter.api.Test;

class CloneDetectorTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final GeoPoint TARAJAL = new GeoPoint(35.8717, -5.3430);
    private static final GeoPoint PORT = new GeoPoint(35.8893, -5.3163);
    private static final GeoPoint TARAJAL_EXIT = new GeoPoint(35.8721, -5.3425);

    private final CloneDetector detector = new CloneDetector(200, 500, Duration.ofHours(1));

    @Test
    void measuresDistancesOnTheGround() {
        assertThat(CloneDetector.distanceMeters(TARAJAL, PORT)).isCloseTo(3_100, within(150.0));
    }

    @Test
    void aPlateAtTheBorderAndAtThePortHalfAMinuteApartIsAClone() {
        assertThat(detector.observe("1234BCD", sighting("r1", "tarajal-1", TARAJAL, T0))).isEmpty();

        CloneSuspicion suspicion = detector.observe("1234BCD", sighting("r2", "puerto-1", PORT, T0.plusSeconds(30)))
                .orElseThrow();

        assertThat(suspicion.earlier().readId()).isEqualTo("r1");
        assertThat(suspicion.later().readId()).isEqualTo("r2");
        assertThat(suspicion.requiredKmh()).isGreaterThan(300);
    }

    @Test
    void aDriveThatTakesLongEnoughIsNoClone() {
        detector.observe("1234BCD", sighting("r1", "tarajal-1", TARAJAL, T0));
        assertThat(detector.observe("1234BCD", sighting("r2", "puerto-1", PORT, T0.plusSeconds(600)))).isEmpty();
    }

    @Test
    void nearbyCamerasAndTheSameCameraNeverRaiseASuspicion() {
        detector.observe("1234BCD", sighting("r1", "tarajal-1", TARAJAL, T0));
        assertThat(detector.observe("1234BCD", sighting("r2", "tarajal-2", TARAJAL_EXIT, T0.plusSeconds(1)))).isEmpty();
        assertThat(detector.observe("1234BCD", sighting("r3", "tarajal-2", TARAJAL_EXIT, T0.plusSeconds(2)))).isEmpty();
    }

    @Test
    void aLateReadIsComparedInTheRightOrder() {
        detector.observe("1234BCD", sighting("r2", "puerto-1", PORT, T0.plusSeconds(30)));

        CloneSuspicion suspicion = detector.observe("1234BCD", sighting("r1", "tarajal-1", TARAJAL, T0)).orElseThrow();

        assertThat(suspicion.earlier().readId()).isEqualTo("r1");
        assertThat(suspicion.later().readId()).isEqualTo("r2");
    }

    @Test
    void otherPlatesAndForgottenSightingsAreNotCompared() {
        detector.observe("1234BCD", sighting("r1", "tarajal-1", TARAJAL, T0));
        assertThat(detector.observe("5678FGH", sighting("r2", "puerto-1", PORT, T0.plusSeconds(30)))).isEmpty();

        assertThat(detector.expire(T0.plus(Duration.ofHours(2)))).isEqualTo(2);
        assertThat(detector.observe("1234BCD", sighting("r3", "puerto-1", PORT, T0.plus(Duration.ofHours(2))))).isEmpty();
    }

    private static Sighting sighting(String read, String camera, GeoPoint position, Instant at) {
        return new Sighting(read, camera, position, at);
    }
}
