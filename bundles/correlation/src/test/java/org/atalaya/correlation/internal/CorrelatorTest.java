package org.atalaya.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atalaya.api.alert.AlertKind;
import org.atalaya.api.anpr.CharacterMatch;
import org.atalaya.api.anpr.CloneAlert;
import org.atalaya.api.anpr.Direction;
import org.atalaya.api.anpr.HitAlert;
import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.MatchKind;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.geo.GeoPoint;
import org.junit.jupiter.api.Test;

class CorrelatorTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final GeoPoint TARAJAL = new GeoPoint(35.8717, -5.3430);
    private static final GeoPoint PORT = new GeoPoint(35.8893, -5.3163);

    private final Map<Long, HotlistEntry> entries = new HashMap<>();
    private final HotlistIndex index = new HotlistIndex(OcrEquivalence.defaults(), 16);
    private final Correlator correlator = new Correlator(index, id -> Optional.ofNullable(entries.get(id)),
            new RepeatSuppression(Duration.ofMinutes(5)), new CloneDetector(150, 500, Duration.ofHours(1)), 1, 70,
            "cam-border"::equals, 100, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aListedPlateGivesOneHitAlertWithItsEntryAndPriority() {
        list(7, "1234BCD", 90);

        List<OutgoingAlert> alerts = correlator.correlate(read("r1", "cam-tarajal", "1234BCD", NOW, TARAJAL), false);

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo("hit-r1-7");
            assertThat(alert.kind()).isEqualTo(AlertKind.HIT);
            assertThat(alert.priority()).isEqualTo(90);
            HitAlert hit = (HitAlert) alert.body();
            assertThat(hit.entry().id()).isEqualTo(7);
            assertThat(hit.matchKind()).isEqualTo(MatchKind.EXACT);
            assertThat(hit.pastRead()).isFalse();
        });
    }

    @Test
    void aLiveHitOnACameraWatchingABorderApproachGetsTopPriority() {
        list(7, "1234BCD", 60);

        List<OutgoingAlert> alerts = correlator.correlate(read("r1", "cam-border", "1234BCD", NOW, TARAJAL), false);

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.priority()).isEqualTo(100);
            assertThat(((HitAlert) alert.body()).priority()).isEqualTo(100);
            assertThat(((HitAlert) alert.body()).entry().priority()).isEqualTo(60);
        });
    }

    @Test
    void aPastHitOnABorderCameraKeepsItsEntrysPriorityAsTheVehicleIsLongGone() {
        list(7, "1234BCD", 60);
        PlateRead old = read("r1", "cam-border", "1234BCD", NOW.minus(Duration.ofDays(1)), TARAJAL);
        HotlistEntry added = entries.get(7L);

        List<OutgoingAlert> past = correlator.pastHits(List.of(added), NOW, key -> List.of(old));

        assertThat(past).singleElement().satisfies(alert -> assertThat(alert.priority()).isEqualTo(60));
    }

    @Test
    void anOcrConfusedReadSaysWhichCharacterMatchedHow() {
        list(7, "1234BCD", 90);

        List<OutgoingAlert> alerts = correlator.correlate(read("r1", "cam-tarajal", "1234BC0", NOW, TARAJAL), false);

        HitAlert hit = (HitAlert) alerts.get(0).body();
        assertThat(hit.matchKind()).isEqualTo(MatchKind.OCR_EQUIVALENT);
        assertThat(hit.differences()).containsExactly(new CharacterMatch(6, '0', 'D'));
    }

    @Test
    void theSamePlateAtTheSameCameraWithinTheWindowAlertsOnceButARedeliveryIsLetThrough() {
        list(7, "1234BCD", 90);

        assertThat(correlator.correlate(read("r1", "cam-tarajal", "1234BCD", NOW, TARAJAL), false)).hasSize(1);
        assertThat(correlator.correlate(read("r2", "cam-tarajal", "1234BCD", NOW.plusSeconds(30), TARAJAL), false))
                .isEmpty();
        assertThat(correlator.correlate(read("r2", "cam-tarajal", "1234BCD", NOW.plusSeconds(30), TARAJAL), true))
                .extracting(OutgoingAlert::id).containsExactly("hit-r2-7");
    }

    @Test
    void aPlateReadFarAwaySecondsLaterRaisesACloneAlert() {
        correlator.correlate(read("r1", "cam-tarajal", "4821KLB", NOW, TARAJAL), false);

        List<OutgoingAlert> alerts = correlator.correlate(read("r2", "cam-port", "4821KLB", NOW.plusSeconds(20), PORT),
                false);

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.CLONE);
            assertThat(alert.id()).isEqualTo("clone-r1-r2");
            CloneAlert clone = (CloneAlert) alert.body();
            assertThat(clone.earlier().cameraId()).isEqualTo("cam-tarajal");
            assertThat(clone.later().cameraId()).isEqualTo("cam-port");
            assertThat(clone.impliedSpeedKmh()).isGreaterThan(150);
        });
    }

    @Test
    void aNewEntryFindsItsPastReadsButNotReadsAfterItWasListed() {
        PlateRead before = read("r1", "cam-tarajal", "1234BC0", NOW.minus(Duration.ofDays(2)), TARAJAL);
        PlateRead after = read("r2", "cam-port", "1234BCD", NOW.plusSeconds(1), PORT);
        HotlistEntry entry = new HotlistEntry(9, "1234BCD", "ES", HotlistCategory.STOLEN_VEHICLE, 80, "dgt", null,
                null, NOW, null);
        Map<String, List<PlateRead>> stored = Map.of(correlator.plateKey("1234BCD"), List.of(before, after));

        List<OutgoingAlert> alerts = correlator.pastHits(List.of(entry), NOW,
                key -> stored.getOrDefault(key, List.of()));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo("past-r1-9");
            assertThat(alert.kind()).isEqualTo(AlertKind.PAST_HIT);
            HitAlert hit = (HitAlert) alert.body();
            assertThat(hit.pastRead()).isTrue();
            assertThat(hit.matchKind()).isEqualTo(MatchKind.OCR_EQUIVALENT);
        });
    }

    @Test
    void ocrEquivalentPlatesShareAPlateKey() {
        assertThat(correlator.plateKey("1234BC0")).isEqualTo(correlator.plateKey("1234BCD"))
                .isEqualTo(correlator.plateKey("1234BCO"));
        assertThat(correlator.plateKey("1234BCF")).isNotEqualTo(correlator.plateKey("1234BCD"));
    }

    private void list(long id, String plate, int priority) {
        HotlistEntry entry = new HotlistEntry(id, plate, "ES", HotlistCategory.STOLEN_VEHICLE, priority, "dgt",
                "stolen", "ref-" + id, NOW.minus(Duration.ofDays(1)), null);
        entries.put(id, entry);
        index.add(entry);
    }

    private static PlateRead read(String id, String camera, String plate, Instant at, GeoPoint position) {
        return new PlateRead(id, camera, at, plate, plate, "ES", 0.9, Direction.APPROACHING, position, null);
    }
}
