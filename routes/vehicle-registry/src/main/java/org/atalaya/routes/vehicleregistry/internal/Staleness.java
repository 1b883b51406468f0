package org.atalaya.routes.vehicleregistry.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.atalaya.api.alert.SystemAlert;

/**
 * Whether the hub's copy of the ministry's hotlist is stale: no successful sync (changes applied,
 * or "still at version N" confirmed) for longer than allowed. Its onset raises a system alert for
 * the control centres, once; the first successful sync after it clears it. Matching never stops:
 * the hub keeps matching the last list, and the operators know it may miss what was listed since.
 */
final class Staleness {

    static final String CONDITION = "hotlist-stale";
    static final int PRIORITY = 80;

    private final String source;
    private final Duration allowed;
    private final Clock clock;
    private Instant lastSync;
    private Instant lastAttempt;
    private String lastFailure;
    private Instant staleSince;

    /** @param lastSync when the stored list was last synced, {@code null} if never */
    Staleness(String source, Duration allowed, Clock clock, Instant lastSync) {
        this.source = source;
        this.allowed = allowed;
        this.clock = clock;
        this.lastSync = lastSync;
    }

    /** A sync succeeded: the list is current. A stale list is cleared by the alert this returns. */
    synchronized Optional<SystemAlert> synced() {
        Instant now = clock.instant();
        lastSync = now;
        lastAttempt = now;
        lastFailure = null;
        if (staleSince == null) {
            return Optional.empty();
        }
        Instant since = staleSince;
        staleSince = null;
        return Optional.of(new SystemAlert(id(since) + "-cleared", CONDITION, source, false, PRIORITY,
                "The hotlist of " + source + " is in step again, after being stale since " + since + ".", since, now));
    }

    /** A sync failed: when the list has now gone stale, the alert to raise. */
    synchronized Optional<SystemAlert> failed(String why) {
        Instant now = clock.instant();
        lastAttempt = now;
        lastFailure = why;
        return check();
    }

    /** When the list has gone stale since the last look, the alert to raise. */
    synchronized Optional<SystemAlert> check() {
        Instant now = clock.instant();
        if (staleSince != null || !isPast(now)) {
            return Optional.empty();
        }
        staleSince = now;
        String last = lastSync == null ? "never synced" : "last synced at " + lastSync;
        return Optional.of(new SystemAlert(id(now), CONDITION, source, true, PRIORITY,
                "The hotlist of " + source + " is stale (" + last + "): hits on vehicles listed since are missed."
                        + " Matching goes on with the last list." + (lastFailure == null ? "" : " Last failure: "
                        + lastFailure), now, now));
    }

    synchronized boolean stale() {
        return staleSince != null || isPast(clock.instant());
    }

    synchronized Instant lastSync() {
        return lastSync;
    }

    synchronized Instant lastAttempt() {
        return lastAttempt;
    }

    synchronized String lastFailure() {
        return lastFailure;
    }

    Duration allowed() {
        return allowed;
    }

    private boolean isPast(Instant now) {
        return lastSync == null || Duration.between(lastSync, now).compareTo(allowed) > 0;
    }

    private String id(Instant since) {
        return "system-" + CONDITION + "-" + source + "-" + since.toEpochMilli();
    }
}
