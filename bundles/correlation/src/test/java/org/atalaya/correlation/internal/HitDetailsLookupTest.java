package org.atalaya.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.atalaya.correlation.internal.HitDetailsLookup.Answer;
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

        OutgoingAlert update = only(lookup(registry).details(List.of(json(hit("1234BCD"))))).details().orElseThrow();

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

        Answer answer = only(lookup(registry).details(List.of(json(hit("1234BCD")))));

        assertThat(answer.details()).isEmpty();
        assertThat(answer.failure()).isNull();
    }

    @Test
    void aRegistryThatFailsTimesOutOrThrowsFailsTheLookupWithItsReasonAndNoRetry() throws Exception {
        answers.put("1234BCD", CompletableFuture.failedFuture(new IllegalStateException("registry away")));
        VehicleLookup throwing = (plate, country, hitId) -> {
            throw new IllegalStateException("connector stopping");
        };

        // the connector retried already: the lookup is dead-lettered with its reason, without retrying
        assertThat(only(lookup(registry).details(List.of(json(hit("1234BCD"))))).failure())
                .isInstanceOf(HitDetailsLookup.LookupFailed.class).hasMessageContaining("registry away");
        assertThat(only(lookup(registry).details(List.of(json(hit("5678FGH"))))).failure())
                .isInstanceOf(HitDetailsLookup.LookupFailed.class).hasMessageContaining("within 200 ms");
        assertThat(only(lookup(throwing).details(List.of(json(hit("1234BCD"))))).failure())
                .isInstanceOf(HitDetailsLookup.LookupFailed.class).hasMessageContaining("connector stopping");
    }

    @Test
    void theHitsOfABatchAreAskedAboutAtOnceAndEachIsAnsweredOnItsOwn() throws Exception {
        // the first answer comes only once the last hit has been asked about: asked one after the
        // other, the first would have timed out
        CompletableFuture<Optional<VehicleDetails>> first = new CompletableFuture<>();
        answers.put("1234BCD", first);
        answers.put("5678FGH", CompletableFuture.failedFuture(new IllegalStateException("registry away")));
        VehicleLookup registryAnsweringTheFirstLast = (plate, country, hitId) -> {
            CompletableFuture<Optional<VehicleDetails>> answer = registry.lookup(plate, country, hitId);
            if (plate.equals("9012JKL")) {
                first.complete(Optional.of(details("1234BCD")));
            }
            return answer;
        };
        answers.put("9012JKL", CompletableFuture.completedFuture(Optional.empty()));

        List<Answer> batch = lookup(registryAnsweringTheFirstLast).details(List.of(json(hit("1234BCD")),
                json(hit("5678FGH")), "{\"id\":", json(hit("9012JKL"))));

        assertThat(batch).hasSize(4);
        assertThat(batch.get(0).details()).map(OutgoingAlert::id).contains("details-hit-r1-1234BCD");
        assertThat(batch.get(1).failure()).hasMessageContaining("registry away");
        assertThat(batch.get(2).failure()).isInstanceOf(RejectedEvent.class).hasMessageStartingWith("not a hit");
        assertThat(batch.get(3).details()).isEmpty();
        assertThat(batch.get(3).failure()).isNull();
        assertThat(asked).containsExactly("1234BCD/ES/hit-r1-1234BCD", "5678FGH/ES/hit-r1-5678FGH",
                "9012JKL/ES/hit-r1-9012JKL");
    }

    @Test
    void whatIsNotAHitIsRejectedAndARemovedRegistryGivesNoDetails() throws Exception {
        assertThat(only(lookup(registry).details(List.of("{\"id\":"))).failure())
                .isInstanceOf(RejectedEvent.class).hasMessageStartingWith("not a hit");

        assertThat(only(lookup(null).details(List.of(json(hit("1234BCD"))))).details()).isEmpty();
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

    private static Answer only(List<Answer> answers) {
        assertThat(answers).hasSize(1);
        return answers.get(0);
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
