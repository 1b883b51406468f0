package org.atalaya.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.atalaya.api.alert.AlertKind;
import org.atalaya.api.anpr.Direction;
import org.atalaya.api.anpr.HitAlert;
import org.atalaya.api.anpr.HitDetails;
import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.MatchKind;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.anpr.VehicleDetails;
import org.atalaya.api.anpr.VehicleLookup;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.runtime.CanonicalJson;
import org.junit.jupiter.api.Test;

class HitDetailsLookupTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private final List<String> asked = new ArrayList<>();
    private final Map<String, CompletableFuture<Optional<VehicleDetails>>> answers = new ConcurrentHashMap<>();
    private final VehicleLookup registry = (plate, country, hitId) -> {
        asked.add(plate + "/" + country + "/" + hitId);
        return answers.computeIfAbsent(plate, p -> new CompletableFuture<>());
    };

    private HitDetailsLookup lookup(VehicleLookup lookup) {
        return new HitDetailsLookup(() -> lookup, Duration.ofMillis(200), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theRegistrysAnswerBecomesTheDetailsAlertThatFollowsTheHit() throws Exception {
        answers.put("1234BCD", CompletableFuture.completedFuture(Optional.of(details("1234BCD"))));

        OutgoingAlert update = lookup(registry).details(json(hit("1234BCD"))).orElseThrow();

        assertThat(asked).containsExactly("1234BCD/ES/hit-r1-1234BCD");
        assertThat(update.kind()).isEqualTo(AlertKind.HIT_DETAILS);
        assertThat(update.id()).isEqualTo("details-hit-r1-1234BCD");
        assertThat(update.priority()).isEqualTo(80);
        assertThat(update.plate()).isEqualTo("1234BCD");
        assertThat(update.cameraId()).isEqualTo("cam-1");
        HitDetails body = (HitDetails) update.body();
        assertThat(body.hitId()).isEqualTo("hit-r1-1234BCD");
        assertThat(body.vehicle().model()).isEqualTo("Ibiza");
        assertThat(body.raisedAt()).isEqualTo(NOW);
    }

    @Test
    void aVehicleTheRegistryDoesNotKnowGivesNoDetails() throws Exception {
        answers.put("1234BCD", CompletableFuture.completedFuture(Optional.empty()));

        assertThat(lookup(registry).details(json(hit("1234BCD")))).isEmpty();
    }

    @Test
    void aRegistryThatFailsTimesOutOrThrowsFailsTheLookupWithItsReasonAndNoRetry() {
        answers.put("1234BCD", CompletableFuture.failedFuture(new IllegalStateException("registry away")));
        VehicleLookup throwing = (plate, country, hitId) -> {
            throw new IllegalStateException("connector stopping");
        };

        assertThatThrownBy(() -> lookup(registry).details(json(hit("1234BCD"))))
                .isInstanceOf(HitDetailsLookup.LookupFailed.class).hasMessageContaining("registry away")
                // the connector retried already: the hub's error handling dead-letters it without retrying
                .isInstanceOf(RejectedEvent.class);
        assertThatThrownBy(() -> lookup(registry).details(json(hit("5678FGH"))))
                .isInstanceOf(HitDetailsLookup.LookupFailed.class).hasMessageContaining("within 200 ms");
        assertThatThrownBy(() -> lookup(throwing).details(json(hit("1234BCD"))))
                .isInstanceOf(HitDetailsLookup.LookupFailed.class).hasMessageContaining("connector stopping");
    }

    @Test
    void whatIsNotAHitIsRejectedAndARemovedRegistryGivesNoDetails() throws Exception {
        assertThatThrownBy(() -> lookup(registry).details("{\"id\":"))
                .isInstanceOf(RejectedEvent.class).hasMessageStartingWith("not a hit");

        assertThat(lookup(null).details(json(hit("1234BCD")))).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void onlyLiveHitsAreAskedAbout() {
        OutgoingAlert live = hit("1234BCD");
        HitAlert body = (HitAlert) live.body();
        OutgoingAlert past = new OutgoingAlert("past-r0-1", AlertKind.PAST_HIT, 50, "5678FGH", "cam-1",
                new HitAlert("past-r0-1", body.read(), body.entry(), MatchKind.EXACT, List.of(), 50, NOW, true));

        assertThat(HitDetailsLookup.asks(live)).isTrue();
        assertThat(HitDetailsLookup.asks(past)).isFalse();
    }

    private static String json(OutgoingAlert alert) throws Exception {
        return CanonicalJson.mapper().writeValueAsString(alert.body());
    }

    private static OutgoingAlert hit(String plate) {
        String id = "hit-r1-" + plate;
        PlateRead read = new PlateRead("r1", "cam-1", NOW, plate, plate, null, 0.9, Direction.APPROACHING, null, null);
        HotlistEntry entry = new HotlistEntry(1, plate, "ES", HotlistCategory.STOLEN_VEHICLE, 80, "interior-ministry",
                "stolen", "ES-1", NOW.minusSeconds(3600), null);
        return new OutgoingAlert(id, AlertKind.HIT, 80, plate, "cam-1",
                new HitAlert(id, read, entry, MatchKind.EXACT, List.of(), 80, NOW, false));
    }

    private static VehicleDetails details(String plate) {
        return new VehicleDetails(plate, "ES", "REGISTERED", "SEAT", "Ibiza", "white", List.of(), "interior-ministry",
                NOW);
    }
}
