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
import org.junit.jupiter.api.Test;

class HitEnrichmentTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    /** The registry's answers, one per plate, completed by each test when it wants. */
    private final Map<String, CompletableFuture<Optional<VehicleDetails>>> answers = new ConcurrentHashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final List<OutgoingAlert> sentLater = new ArrayList<>();
    private final VehicleLookup registry = (plate, country, hitId) -> {
        asked.add(plate + "/" + country + "/" + hitId);
        return answers.computeIfAbsent(plate, p -> new CompletableFuture<>());
    };

    private HitEnrichment enrichment(VehicleLookup lookup, Duration budget) {
        return new HitEnrichment(() -> lookup, budget, sentLater::add, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aHitTheRegistryDescribesInTimeGoesOutWithTheVehicle() {
        answers.put("1234BCD", CompletableFuture.completedFuture(Optional.of(details("1234BCD"))));

        List<OutgoingAlert> out = enrichment(registry, Duration.ofSeconds(5)).enrich(List.of(hit("1234BCD")));

        assertThat(out).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo("hit-r1-1234BCD");
            assertThat(((HitAlert) alert.body()).vehicle().make()).isEqualTo("SEAT");
        });
        assertThat(asked).containsExactly("1234BCD/ES/hit-r1-1234BCD");
        assertThat(sentLater).isEmpty();
    }

    @Test
    void aHitPastItsBudgetGoesOutAtOnceAndItsDetailsFollowAsAnUpdate() {
        List<OutgoingAlert> out = enrichment(registry, Duration.ofMillis(1)).enrich(List.of(hit("1234BCD")));

        assertThat(out).singleElement().satisfies(alert -> assertThat(((HitAlert) alert.body()).vehicle()).isNull());
        assertThat(sentLater).isEmpty();

        answers.get("1234BCD").complete(Optional.of(details("1234BCD")));

        assertThat(sentLater).singleElement().satisfies(update -> {
            assertThat(update.kind()).isEqualTo(AlertKind.HIT_DETAILS);
            assertThat(update.id()).isEqualTo("details-hit-r1-1234BCD");
            assertThat(update.priority()).isEqualTo(80);
            HitDetails body = (HitDetails) update.body();
            assertThat(body.hitId()).isEqualTo("hit-r1-1234BCD");
            assertThat(body.vehicle().model()).isEqualTo("Ibiza");
        });
    }

    @Test
    void aRegistryThatFailsOrDoesNotKnowThePlateLeavesTheHitAsItIsWithNoUpdate() {
        answers.put("1234BCD", CompletableFuture.failedFuture(new IllegalStateException("registry away")));
        answers.put("5678FGH", CompletableFuture.completedFuture(Optional.empty()));

        List<OutgoingAlert> out = enrichment(registry, Duration.ofSeconds(5))
                .enrich(List.of(hit("1234BCD"), hit("5678FGH")));

        assertThat(out).extracting(alert -> ((HitAlert) alert.body()).vehicle()).containsExactly(null, null);
        assertThat(sentLater).isEmpty();
    }

    @Test
    void aLateAnswerThatFailsSendsNothing() {
        enrichment(registry, Duration.ofMillis(1)).enrich(List.of(hit("1234BCD")));

        answers.get("1234BCD").completeExceptionally(new IllegalStateException("timed out"));

        assertThat(sentLater).isEmpty();
    }

    @Test
    void pastHitsAndClonesAreNotAskedAbout() {
        OutgoingAlert live = hit("1234BCD");
        HitAlert body = (HitAlert) live.body();
        OutgoingAlert past = new OutgoingAlert("past-r0-1", AlertKind.PAST_HIT, 50, "5678FGH", "cam-1",
                new HitAlert("past-r0-1", body.read(), body.entry(), MatchKind.EXACT, List.of(), 50, NOW, true, null));
        answers.put("1234BCD", CompletableFuture.completedFuture(Optional.of(details("1234BCD"))));

        List<OutgoingAlert> out = enrichment(registry, Duration.ofSeconds(5)).enrich(List.of(past, live));

        assertThat(asked).containsExactly("1234BCD/ES/hit-r1-1234BCD");
        assertThat(out.get(0)).isSameAs(past);
    }

    @Test
    void withoutARegistryOrWithoutABudgetHitsGoOutUntouched() {
        List<OutgoingAlert> alerts = List.of(hit("1234BCD"));

        assertThat(enrichment(null, Duration.ofSeconds(5)).enrich(alerts)).isSameAs(alerts);
        assertThat(enrichment(registry, Duration.ZERO).enrich(alerts)).isSameAs(alerts);
        assertThat(asked).isEmpty();
    }

    @Test
    void aRegistryThatThrowsInsteadOfAnsweringDoesNotStopTheHit() {
        VehicleLookup broken = (plate, country, hitId) -> {
            throw new IllegalStateException("connector stopping");
        };

        List<OutgoingAlert> out = enrichment(broken, Duration.ofSeconds(5)).enrich(List.of(hit("1234BCD")));

        assertThat(out).singleElement().satisfies(alert -> assertThat(alert.id()).isEqualTo("hit-r1-1234BCD"));
    }

    private static OutgoingAlert hit(String plate) {
        String id = "hit-r1-" + plate;
        PlateRead read = new PlateRead("r1", "cam-1", NOW, plate, plate, null, 0.9, Direction.APPROACHING, null, null);
        HotlistEntry entry = new HotlistEntry(1, plate, "ES", HotlistCategory.STOLEN_VEHICLE, 80, "interior-ministry",
                "stolen", "ES-1", NOW.minusSeconds(3600), null);
        return new OutgoingAlert(id, AlertKind.HIT, 80, plate, "cam-1",
                new HitAlert(id, read, entry, MatchKind.EXACT, List.of(), 80, NOW, false, null));
    }

    private static VehicleDetails details(String plate) {
        return new VehicleDetails(plate, "ES", "REGISTERED", "SEAT", "Ibiza", "white", List.of(), "interior-ministry",
                NOW);
    }
}
