package org.atalaya.api.face;

import java.time.Instant;

/**
 * Which delivered matches to list, newest first.
 *
 * @param state          only in this state, or {@code null} for any
 * @param since          only delivered at or after this, or {@code null}
 * @param beforeSequence only numbered below this (the next page); 0 from the newest
 * @param limit          at most this many
 */
public record MatchQuery(MatchState state, Instant since, long beforeSequence, int limit) {

    public MatchQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        if (beforeSequence < 0) {
            throw new IllegalArgumentException("beforeSequence must not be negative: " + beforeSequence);
        }
    }
}
