package org.atalaya.api.face;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an authorisation is for, as justice registers it or the police request it in urgency.
 *
 * @param judicialReference the court order number, or the urgent request's reference
 * @param watchlistEntries  the watchlist entries to cover: at least one, each named
 * @param cameras           the cameras to cover: at least one, each named
 * @param validFrom         from (inclusive)
 * @param validUntil        until (exclusive), after {@code validFrom}
 * @param offenceCategory   the offence or threat it is for
 */
public record AuthorisationRequest(String judicialReference, List<String> watchlistEntries, List<String> cameras,
        Instant validFrom, Instant validUntil, String offenceCategory) {

    public AuthorisationRequest {
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (judicialReference == null || judicialReference.isBlank()) {
            throw new IllegalArgumentException("judicialReference is missing");
        }
        if (offenceCategory == null || offenceCategory.isBlank()) {
            throw new IllegalArgumentException("offenceCategory is missing");
        }
        if (watchlistEntries == null || watchlistEntries.isEmpty()) {
            throw new IllegalArgumentException("name at least one watchlist entry: there is no blanket authorisation");
        }
        if (cameras == null || cameras.isEmpty()) {
            throw new IllegalArgumentException("name at least one camera: there is no blanket authorisation");
        }
        if (!validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("validUntil must be after validFrom");
        }
        watchlistEntries = List.copyOf(watchlistEntries);
        cameras = List.copyOf(cameras);
    }
}
