package org.atalaya.api.anpr;

import java.time.Instant;
import java.util.Objects;

/**
 * The same plate read by two cameras farther apart than a vehicle could travel in the time
 * between the reads: two vehicles carry it, and at least one plate is false.
 *
 * @param id               the alert's id
 * @param plate            the plate, normalised
 * @param earlier          where and when it was read first
 * @param later            where and when it was read again
 * @param distanceMeters   the great-circle distance between the two cameras
 * @param impliedSpeedKmh  the speed the vehicle would have needed
 * @param priority         0 to 100
 * @param raisedAt         when the hub raised it
 */
public record CloneAlert(String id, String plate, Sighting earlier, Sighting later, double distanceMeters,
        double impliedSpeedKmh, int priority, Instant raisedAt) {

    public CloneAlert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(earlier, "earlier");
        Objects.requireNonNull(later, "later");
        Objects.requireNonNull(raisedAt, "raisedAt");
    }
}
