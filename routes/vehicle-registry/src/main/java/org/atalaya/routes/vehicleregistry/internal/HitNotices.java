package org.atalaya.routes.vehicleregistry.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.HitAlert;
import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.api.security.DataClass;
import org.atalaya.registry.v1.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the ministry of one hit on its entries, and does not give up: while the ministry is away
 * (or the breaker is open, or the hub's account is refused) it waits, with a growing pause, and
 * tries again, holding the notices behind it on the broker so that they reach the ministry in
 * order. The alert's id is the idempotency key, so a notice sent again after a crash is counted
 * once at the ministry. A notice the ministry refuses as invalid is no good to send again: it goes
 * to the dead-letter address with the ministry's reason.
 *
 * <p>Each notice is a disclosure of personal data to the ministry, audited before it is sent.
 */
final class HitNotices {

    private static final Logger LOG = LoggerFactory.getLogger(HitNotices.class);

    /** What happened to a notice. */
    enum Outcome {
        /** The ministry acknowledged it. */
        DELIVERED,
        /** The hub is stopping: the notice stays on the broker, first in line. */
        STOPPED
    }

    /** Sends a notice: {@link MinistryClient#notifyHit} through {@link MinistryCalls}. */
    interface Sender {
        String notifyHit(String idempotencyKey, Hit hit) throws Exception;
    }

    /** Waits between attempts; false when the wait was cut short because the hub stops. */
    interface Pause {
        boolean pause(Duration duration, BooleanSupplier running) throws InterruptedException;
    }

    /** Waits in short steps, so that a stopping hub is not held up by a long backoff. */
    static final Pause WAIT = (duration, running) -> {
        long end = System.nanoTime() + duration.toNanos();
        while (running.getAsBoolean()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
        }
        return false;
    };

    private final String ministry;
    private final Sender sender;
    private final Function<String, Optional<Camera>> cameras;
    private final AuditLog audit;
    private final Pause pause;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    HitNotices(String ministry, Sender sender, Function<String, Optional<Camera>> cameras, AuditLog audit,
            Pause pause, Duration firstBackoff, Duration maxBackoff) {
        this.ministry = ministry;
        this.sender = sender;
        this.cameras = cameras;
        this.audit = audit;
        this.pause = pause;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff.compareTo(firstBackoff) < 0 ? firstBackoff : maxBackoff;
    }

    /**
     * Delivers the notice of {@code alert}, waiting as long as it takes.
     *
     * @param running false once the hub stops: the wait ends and the notice is left for next time
     * @throws RejectedEvent when the hit cannot be told, or the ministry refuses it as invalid
     */
    Outcome deliver(HitAlert alert, BooleanSupplier running) throws InterruptedException {
        Hit hit;
        try {
            hit = RegistryMapping.hit(alert, cameras.apply(alert.read().cameraId()));
        } catch (IllegalArgumentException invalid) {
            throw new RejectedEvent(invalid.getMessage(), invalid);
        }
        Duration backoff = firstBackoff;
        boolean audited = false;
        int attempts = 0;
        while (running.getAsBoolean()) {
            attempts++;
            try {
                if (!audited) {
                    audit(alert);
                    audited = true;
                }
                String acknowledgement = sender.notifyHit(alert.id(), hit);
                LOG.info("Hit notice {} acknowledged by {} as {}{}", alert.id(), ministry, acknowledgement,
                        attempts > 1 ? " after " + attempts + " attempts" : "");
                return Outcome.DELIVERED;
            } catch (InterruptedException interrupted) {
                throw interrupted;
            } catch (Exception failure) {
                if (MinistryFailures.refusal(failure)) {
                    throw new RejectedEvent(ministry + " refused hit notice " + alert.id() + ": "
                            + MinistryFailures.describe(failure), failure);
                }
                if (attempts == 1 || Integer.bitCount(attempts) == 1) {
                    LOG.warn("Hit notice {} not delivered to {} yet (attempt {}), next try in {} s: {}", alert.id(),
                            ministry, attempts, backoff.toSeconds(), MinistryFailures.describe(failure));
                }
                if (!pause.pause(backoff, running)) {
                    break;
                }
                backoff = backoff.multipliedBy(2);
                if (backoff.compareTo(maxBackoff) > 0) {
                    backoff = maxBackoff;
                }
            }
        }
        LOG.info("Hit notice {} left on the broker for the next start", alert.id());
        return Outcome.STOPPED;
    }

    private void audit(HitAlert alert) {
        audit.append(new AuditEntry(Instant.now(), "atalaya", null, "hit-notice", DataClass.HITS.id(),
                List.of(alert.read().plate()), "hotlist-hit-report", null, "disclosed", List.of(ministry),
                "hit " + alert.id() + " on entry " + alert.entry().reference()));
    }
}
