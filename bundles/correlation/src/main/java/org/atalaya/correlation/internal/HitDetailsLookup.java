package org.atalaya.correlation.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.atalaya.api.alert.AlertKind;
import org.atalaya.api.anpr.HitAlert;
import org.atalaya.api.anpr.HitDetails;
import org.atalaya.api.anpr.VehicleDetails;
import org.atalaya.api.anpr.VehicleLookup;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.runtime.CanonicalJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vehicle of a live hit that has gone out already: the registry connector is asked, and its
 * answer becomes the {@code HIT_DETAILS} alert that follows the hit. Reads and hits never wait
 * for the registry; the lookups wait on a queue of their own ({@code atalaya.lookups.anpr}), and
 * a few taken together are asked at once and sent on in one transaction, so a lookup the hub could
 * not finish before a crash is made again.
 */
final class HitDetailsLookup {

    private static final Logger LOG = LoggerFactory.getLogger(HitDetailsLookup.class);

    private final Supplier<VehicleLookup> registry;
    private final Duration timeout;
    private final Clock clock;

    /**
     * @param registry the registry to ask, or {@code null} from the supplier when none is installed
     * @param timeout  how long one lookup may take, the connector's retries included
     */
    HitDetailsLookup(Supplier<VehicleLookup> registry, Duration timeout, Clock clock) {
        this.registry = registry;
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * Whether this alert's vehicle is to be looked up: a live hit. Whether a registry connector is
     * installed is asked when the lookup is made, not here: the connector may be starting or
     * reconfiguring at the moment of the hit.
     */
    static boolean asks(OutgoingAlert alert) {
        return alert.kind() == AlertKind.HIT && alert.body() instanceof HitAlert;
    }

    /**
     * The details of the hit in each of {@code hitJsons} ({@link HitAlert}s), answered in their
     * order. The registry is asked about all of them before any answer is waited for, so they
     * run at once (as many as the registry connector runs at once); each may take
     * {@code timeout} from when it was asked.
     *
     * @throws InterruptedException when the thread is stopped while waiting: nothing is answered,
     *                              and the lookups are made again
     */
    List<Answer> details(List<String> hitJsons) throws InterruptedException {
        VehicleLookup lookup = registry.get();
        List<CompletableFuture<Answer>> asked = new ArrayList<>(hitJsons.size());
        for (String hitJson : hitJsons) {
            asked.add(ask(lookup, hitJson));
        }
        List<Answer> answers = new ArrayList<>(asked.size());
        for (CompletableFuture<Answer> answer : asked) {
            try {
                answers.add(answer.get());
            } catch (ExecutionException notAnAnswer) {
                // a lookup's failures are answers (ask); this is the hub's own (making the alert),
                // which fails the batch: it is rolled back and redelivered
                throw new IllegalStateException(notAnAnswer.getCause());
            }
        }
        return answers;
    }

    private CompletableFuture<Answer> ask(VehicleLookup lookup, String hitJson) {
        HitAlert hit;
        try {
            hit = CanonicalJson.mapper().readValue(hitJson, HitAlert.class);
        } catch (IOException notAHit) {
            return answered(Answer.failed(new RejectedEvent("not a hit: " + notAHit.getMessage(), notAHit)));
        }
        if (lookup == null) {
            LOG.debug("Hit {}: no registry connector is installed to look its vehicle up", hit.id());
            return answered(Answer.NONE);
        }
        String country = hit.read().country() != null ? hit.read().country() : hit.entry().country();
        CompletableFuture<Optional<VehicleDetails>> vehicle;
        try {
            vehicle = lookup.lookup(hit.read().plate(), country, hit.id());
        } catch (RuntimeException refused) {
            return answered(Answer.failed(failed("the registry connector refused the lookup of hit " + hit.id()
                    + ": " + refused, refused)));
        }
        return vehicle.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((known, failure) -> failure == null
                        ? new Answer(known.map(details -> update(hit, details)), null)
                        : Answer.failed(failure(hit, failure)));
    }

    private LookupFailed failure(HitAlert hit, Throwable thrown) {
        Throwable failure = thrown instanceof CompletionException wrapped && wrapped.getCause() != null
                ? wrapped.getCause() : thrown;
        if (failure instanceof TimeoutException) {
            return failed("the registry did not describe the vehicle of hit " + hit.id() + " within "
                    + timeout.toMillis() + " ms", failure);
        }
        return failed("the registry could not describe the vehicle of hit " + hit.id() + ": " + failure, failure);
    }

    private static CompletableFuture<Answer> answered(Answer answer) {
        return CompletableFuture.completedFuture(answer);
    }

    private static LookupFailed failed(String reason, Throwable cause) {
        LOG.warn("{}; the lookup is dead-lettered", reason);
        return new LookupFailed(reason, cause);
    }

    private OutgoingAlert update(HitAlert hit, VehicleDetails vehicle) {
        String id = "details-" + hit.id();
        HitDetails details = new HitDetails(id, hit.id(), hit.read().plate(), hit.read().cameraId(), vehicle,
                clock.instant());
        return new OutgoingAlert(id, AlertKind.HIT_DETAILS, hit.priority(), hit.read().plate(), hit.read().cameraId(),
                details);
    }

    /**
     * What a lookup gave: the {@code HIT_DETAILS} alert, none (the registry does not know the
     * vehicle, or no registry connector is installed), or, with {@code failure}, why it failed,
     * which no retry mends: a text that is not a hit, or a {@link LookupFailed}.
     */
    record Answer(Optional<OutgoingAlert> details, RejectedEvent failure) {

        static final Answer NONE = new Answer(Optional.empty(), null);

        static Answer failed(RejectedEvent failure) {
            return new Answer(Optional.empty(), failure);
        }
    }

    /**
     * A lookup that did not give an answer. The registry connector has retried it already (and
     * fails at once while its circuit breaker is open), so it is not retried here: it goes to the
     * dead-letter address with this reason at once, and lookups behind it do not wait.
     */
    static final class LookupFailed extends RejectedEvent {
        private static final long serialVersionUID = 1L;

        LookupFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
