package org.atalaya.correlation.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
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
 * for the registry; the lookups wait on a queue of their own ({@code atalaya.lookups.anpr}), each
 * in its own transaction, so a lookup the hub could not finish before a crash is made again.
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
     * The details of the hit in {@code hitJson} (a {@link HitAlert}), or empty when the registry
     * does not know the vehicle or is no longer installed.
     *
     * @throws RejectedEvent when the text is not a hit, which no retry mends
     * @throws LookupFailed  when the registry failed or took longer than the timeout
     */
    Optional<OutgoingAlert> details(String hitJson) {
        HitAlert hit;
        try {
            hit = CanonicalJson.mapper().readValue(hitJson, HitAlert.class);
        } catch (IOException notAHit) {
            throw new RejectedEvent("not a hit: " + notAHit.getMessage(), notAHit);
        }
        VehicleLookup lookup = registry.get();
        if (lookup == null) {
            LOG.debug("Hit {}: no registry connector is installed to look its vehicle up", hit.id());
            return Optional.empty();
        }
        String country = hit.read().country() != null ? hit.read().country() : hit.entry().country();
        try {
            return lookup.lookup(hit.read().plate(), country, hit.id())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .map(vehicle -> update(hit, vehicle));
        } catch (ExecutionException failure) {
            throw failed("the registry could not describe the vehicle of hit " + hit.id() + ": " + failure.getCause(),
                    failure.getCause());
        } catch (TimeoutException late) {
            throw failed("the registry did not describe the vehicle of hit " + hit.id() + " within "
                    + timeout.toMillis() + " ms", late);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failed("interrupted looking up the vehicle of hit " + hit.id(), interrupted);
        } catch (RuntimeException refused) {
            throw failed("the registry connector refused the lookup of hit " + hit.id() + ": " + refused, refused);
        }
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
