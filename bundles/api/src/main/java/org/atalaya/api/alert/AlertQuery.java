package org.atalaya.api.alert;

import java.time.Instant;

/**
 * Which of an agency's alerts to list, newest first.
 *
 * @param kind           only this kind, or {@code null}
 * @param plate          only this plate (normalised), or {@code null}
 * @param cameraId       only this camera, or {@code null}
 * @param minPriority    at least this priority
 * @param since          raised at or after, or {@code null}
 * @param until          raised before, or {@code null}
 * @param acknowledged   only acknowledged ({@code true}) or not ({@code false}), or {@code null}
 * @param beforeSequence only those numbered below (the next page), or 0 for the newest
 * @param limit          at most this many
 */
public record AlertQuery(AlertKind kind, String plate, String cameraId, int minPriority, Instant since,
        Instant until, Boolean acknowledged, long beforeSequence, int limit) {

    public AlertQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }
}
