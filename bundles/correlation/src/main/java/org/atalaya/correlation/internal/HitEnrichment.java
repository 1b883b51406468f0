package org.atalaya.correlation.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.atalaya.api.alert.AlertKind;
import org.atalaya.api.anpr.HitAlert;
import org.atalaya.api.anpr.HitDetails;
import org.atalaya.api.anpr.VehicleDetails;
import org.atalaya.api.anpr.VehicleLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the vehicle registry's details to live hits, within a time budget: every hit of a read is
 * asked about at once, and a hit whose answer is not there when the budget is spent goes out
 * without it; the answer then follows as a {@link HitDetails} update. A hit is never held back
 * longer than the budget, and never lost because the registry is slow or away.
 */
final class HitEnrichment {

    private static final Logger LOG = LoggerFactory.getLogger(HitEnrichment.class);

    private final Supplier<VehicleLookup> registry;
    private final Duration budget;
    private final Consumer<OutgoingAlert> later;
    private final Clock clock;

    /**
     * @param registry the registry to ask, or {@code null} from the supplier when none is installed
     * @param budget   how long the hits of one read may wait, in all
     * @param later    sends an update that came past the budget
     */
    HitEnrichment(Supplier<VehicleLookup> registry, Duration budget, Consumer<OutgoingAlert> later, Clock clock) {
        this.registry = registry;
        this.budget = budget;
        this.later = later;
        this.clock = clock;
    }

    /** The alerts, with the details of those hits the registry described in time. */
    List<OutgoingAlert> enrich(List<OutgoingAlert> alerts) {
        // most reads raise nothing: they must not pay for a lookup of the registry service
        if (alerts.isEmpty() || budget.isZero() || alerts.stream().noneMatch(HitEnrichment::live)) {
            return alerts;
        }
        VehicleLookup lookup = registry.get();
        if (lookup == null) {
            return alerts;
        }
        List<CompletableFuture<Optional<VehicleDetails>>> asked = new ArrayList<>(alerts.size());
        for (OutgoingAlert alert : alerts) {
            asked.add(live(alert) ? ask(lookup, (HitAlert) alert.body()) : null);
        }
        long deadline = System.nanoTime() + budget.toNanos();
        List<OutgoingAlert> enriched = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            OutgoingAlert alert = alerts.get(i);
            CompletableFuture<Optional<VehicleDetails>> answer = asked.get(i);
            enriched.add(answer == null ? alert : awaitDetails(alert, answer, deadline));
        }
        return enriched;
    }

    private OutgoingAlert awaitDetails(OutgoingAlert alert, CompletableFuture<Optional<VehicleDetails>> answer,
            long deadline) {
        HitAlert hit = (HitAlert) alert.body();
        try {
            Optional<VehicleDetails> details = answer.get(Math.max(0, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
            return details.map(vehicle -> withBody(alert, hit.withVehicle(vehicle))).orElse(alert);
        } catch (TimeoutException late) {
            answer.whenComplete((details, failure) -> {
                if (failure == null) {
                    details.ifPresent(vehicle -> later.accept(update(alert, vehicle)));
                }
            });
            LOG.debug("Hit {} goes out without the vehicle's details; they follow when the registry answers",
                    alert.id());
            return alert;
        } catch (ExecutionException failure) {
            LOG.warn("Hit {} goes out without the vehicle's details: {}", alert.id(), failure.getCause().toString());
            return alert;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return alert;
        }
    }

    private CompletableFuture<Optional<VehicleDetails>> ask(VehicleLookup lookup, HitAlert hit) {
        try {
            return lookup.lookup(hit.read().plate(),
                    hit.read().country() != null ? hit.read().country() : hit.entry().country(), hit.id());
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    private OutgoingAlert update(OutgoingAlert alert, VehicleDetails vehicle) {
        String id = "details-" + alert.id();
        HitDetails details = new HitDetails(id, alert.id(), alert.plate(), alert.cameraId(), vehicle, clock.instant());
        return new OutgoingAlert(id, AlertKind.HIT_DETAILS, alert.priority(), alert.plate(), alert.cameraId(), details);
    }

    private static OutgoingAlert withBody(OutgoingAlert alert, HitAlert body) {
        return new OutgoingAlert(alert.id(), alert.kind(), alert.priority(), alert.plate(), alert.cameraId(), body);
    }

    private static boolean live(OutgoingAlert alert) {
        return alert.kind() == AlertKind.HIT && alert.body() instanceof HitAlert;
    }
}
