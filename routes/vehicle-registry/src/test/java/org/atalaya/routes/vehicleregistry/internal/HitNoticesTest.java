package org.atalaya.routes.vehicleregistry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.Direction;
import org.atalaya.api.anpr.HitAlert;
import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.MatchKind;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.audit.RecordingAuditLog;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.api.geo.GeoPoint;
import org.atalaya.registry.v1.AlertCategory;
import org.atalaya.simulators.registry.Listing;
import org.atalaya.simulators.registry.RegistrySimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hit notices to the simulated ministry over real SOAP, through the breaker and retries of the connector. */
class HitNoticesTest {

    private static final Instant READ_AT = Instant.parse("2026-11-21T09:30:00Z");
    private static final Camera TARAJAL = new Camera("cam-tarajal-exit", "Frontera del Tarajal, salida",
            new GeoPoint(35.8717, -5.3430), 180, true);

    private RegistrySimulator.Standalone ministry;
    private MinistryClient client;
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final List<Duration> pauses = new ArrayList<>();
    private Runnable duringPause = () -> { };
    private HitNotices notices;
    private Listing listed;

    @BeforeEach
    void start() throws Exception {
        ministry = Ministry.start(100);
        client = Ministry.client(ministry);
        MinistryCalls calls = new MinistryCalls("test", 1, Duration.ofMillis(1), 50, 4, Duration.ofMillis(1));
        notices = new HitNotices("interior-ministry", (key, hit) -> calls.call(() -> client.notifyHit(key, hit)),
                id -> Optional.ofNullable(Map.of(TARAJAL.id(), TARAJAL).get(id)), audit, (duration, running) -> {
                    pauses.add(duration);
                    duringPause.run();
                    return running.getAsBoolean();
                }, Duration.ofSeconds(1), Duration.ofSeconds(4));
        listed = ministry.addEntry("1234BCD", "ES", AlertCategory.STOLEN_VEHICLE, 90, "Sustraído en Ceuta");
    }

    @AfterEach
    void stop() {
        client.close();
        ministry.close();
    }

    @Test
    void aHitIsToldToTheMinistryOnceWhateverHowOftenItIsSent() throws Exception {
        HitAlert hit = hit("hit-r1-7", TARAJAL.id(), null);

        assertThat(notices.deliver(hit, () -> true)).isEqualTo(HitNotices.Outcome.DELIVERED);
        assertThat(notices.deliver(hit, () -> true)).isEqualTo(HitNotices.Outcome.DELIVERED);

        assertThat(ministry.hitNotices()).isEqualTo(1);
        assertThat(ministry.hitNoticesFor("1234BCD")).isEqualTo(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void eachNoticeIsADisclosureAuditedBeforeItIsSent() throws Exception {
        notices.deliver(hit("hit-r1-7", TARAJAL.id(), null), () -> true);

        assertThat(audit.entries("hit-notice")).singleElement().satisfies(entry -> {
            assertThat(entry.agency()).isEqualTo("atalaya");
            assertThat(entry.subjects()).containsExactly("1234BCD");
            assertThat(entry.recipients()).containsExactly("interior-ministry");
            assertThat(entry.purpose()).isEqualTo("hotlist-hit-report");
            assertThat(entry.detail()).contains("hit-r1-7", listed.reference());
        });
    }

    @Test
    void whileTheMinistryIsDownTheNoticeWaitsLongerEachTimeAndGoesWhenItIsBack() throws Exception {
        ministry.setDown(true);
        duringPause = () -> {
            if (pauses.size() == 4) {
                ministry.setDown(false);
            }
        };

        assertThat(notices.deliver(hit("hit-r1-7", TARAJAL.id(), null), () -> true))
                .isEqualTo(HitNotices.Outcome.DELIVERED);

        // doubling, then capped; how many tries it takes once the ministry is back depends on the
        // moment its port opens again
        assertThat(pauses).startsWith(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(4));
        assertThat(pauses.subList(2, pauses.size())).containsOnly(Duration.ofSeconds(4));
        assertThat(ministry.hitNotices()).isEqualTo(1);
        assertThat(audit.entries("hit-notice")).hasSize(1);
    }

    @Test
    void aHubThatStopsLeavesTheNoticeUnsent() throws Exception {
        ministry.setDown(true);
        boolean[] running = {true};
        duringPause = () -> running[0] = false;

        assertThat(notices.deliver(hit("hit-r1-7", TARAJAL.id(), null), () -> running[0]))
                .isEqualTo(HitNotices.Outcome.STOPPED);

        ministry.setDown(false);
        assertThat(ministry.hitNotices()).isZero();
    }

    @Test
    void aNoticeTheMinistryRefusesIsRejectedWithItsReason() throws Exception {
        notices.deliver(hit("hit-r1-7", TARAJAL.id(), null), () -> true);
        // the same key for another hit: the ministry refuses it as invalid, sending it again cannot help
        HitAlert moved = hit("hit-r1-7", "cam-mobile-4", new GeoPoint(35.88, -5.31));

        assertThatThrownBy(() -> notices.deliver(moved, () -> true)).isInstanceOf(RejectedEvent.class)
                .hasMessageContaining("interior-ministry refused hit notice hit-r1-7");
        assertThat(pauses).isEmpty();
    }

    @Test
    void aHitWithNowhereToPlaceItIsRejectedWithoutCallingTheMinistry() {
        assertThatThrownBy(() -> notices.deliver(hit("hit-r2-7", "cam-unknown", null), () -> true))
                .isInstanceOf(RejectedEvent.class).hasMessageContaining("cam-unknown is not registered");
        assertThat(audit.entries("hit-notice")).isEmpty();
    }

    @Test
    void anUnregisteredCameraIsPlacedWhereTheReadSaysItWas() throws Exception {
        notices.deliver(hit("hit-r3-7", "cam-mobile-4", new GeoPoint(35.89, -5.32)), () -> true);

        assertThat(ministry.hitNotices()).isEqualTo(1);
    }

    private HitAlert hit(String id, String camera, GeoPoint position) {
        PlateRead read = new PlateRead("r1", camera, READ_AT, "1234BCD", "1234BCD", "ES", 0.93,
                Direction.RECEDING, position, "urn:atalaya:image:sha256:ab12");
        HotlistEntry entry = new HotlistEntry(7, "1234BCD", "ES", HotlistCategory.STOLEN_VEHICLE, 90,
                "interior-ministry", listed.reason(), listed.reference(), listed.validFrom(), null);
        return new HitAlert(id, read, entry, MatchKind.EXACT, List.of(), 100, READ_AT.plusMillis(40), false);
    }
}
