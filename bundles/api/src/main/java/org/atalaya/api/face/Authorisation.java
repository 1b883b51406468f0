package org.atalaya.api.face;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A judicial authorisation (or an urgent request for one) of real-time remote biometric
 * identification: for which watchlist entries, at which cameras, over which period, and why.
 *
 * @param id                its id in the hub
 * @param judicialReference the court order number; for an urgent request, the request's own
 *                          reference until the order is granted
 * @param watchlistEntries  the watchlist entries it covers (never empty: no blanket authorisation)
 * @param cameras           the cameras it covers (never empty)
 * @param validFrom         the period it covers, from (inclusive)
 * @param validUntil        the period it covers, until (exclusive)
 * @param offenceCategory   the offence or threat it is for ({@code terrorism}, {@code missing-person})
 * @param status            where it stands
 * @param requestedBy       who requested it (or registered it, for an order registered as granted)
 * @param requestingAgency  the agency that person acted for
 * @param requestedAt       when
 * @param decisionDue       for an urgent request, when it lapses unless granted; {@code null} otherwise
 * @param decidedBy         who granted or refused it ({@code biometric-guard} for a lapse), or {@code null}
 * @param decidedAt         when, or {@code null}
 */
public record Authorisation(String id, String judicialReference, List<String> watchlistEntries, List<String> cameras,
        Instant validFrom, Instant validUntil, String offenceCategory, AuthorisationStatus status, String requestedBy,
        String requestingAgency, Instant requestedAt, Instant decisionDue, String decidedBy, Instant decidedAt) {

    public Authorisation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(judicialReference, "judicialReference");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(offenceCategory, "offenceCategory");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestingAgency, "requestingAgency");
        Objects.requireNonNull(requestedAt, "requestedAt");
        watchlistEntries = List.copyOf(watchlistEntries);
        cameras = List.copyOf(cameras);
    }
}
