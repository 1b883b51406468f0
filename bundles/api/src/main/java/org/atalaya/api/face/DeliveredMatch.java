package org.atalaya.api.face;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A match as the agency it was delivered to sees it.
 *
 * @param sequence        its number among the deliveries, for paging
 * @param match           the match
 * @param authorisationId the authorisation it was delivered under
 * @param agency          the agency it was delivered to
 * @param state           whether it may be acted upon yet
 * @param deliveredAt     when it was delivered
 * @param confirmations   who confirmed it, oldest first
 */
public record DeliveredMatch(long sequence, FaceMatch match, String authorisationId, String agency, MatchState state,
        Instant deliveredAt, List<Confirmation> confirmations) {

    public DeliveredMatch {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(authorisationId, "authorisationId");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        confirmations = List.copyOf(confirmations);
    }
}
