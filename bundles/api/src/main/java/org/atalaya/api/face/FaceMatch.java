package org.atalaya.api.face;

import java.time.Instant;
import java.util.Objects;

/**
 * A camera's face-recognition analytics matched a face against an entry of a watchlist. The hub
 * keeps only this: the frame stays at the camera's vendor, and {@code imageRef} says where.
 *
 * @param id               the event's own id; the broker accepts an event once per id
 * @param cameraId         the camera that saw the face
 * @param capturedAt       when, by the camera's clock
 * @param watchlistEntryId the watchlist entry it matched
 * @param similarity       the analytics' similarity score, 0 to 1
 * @param imageRef         where the frame can be fetched at the camera's vendor (a URI or an id)
 */
public record FaceMatch(String id, String cameraId, Instant capturedAt, String watchlistEntryId, double similarity,
        String imageRef) {

    public FaceMatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(watchlistEntryId, "watchlistEntryId");
        Objects.requireNonNull(imageRef, "imageRef");
        if (!(similarity >= 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be in [0, 1]: " + similarity);
        }
    }
}
