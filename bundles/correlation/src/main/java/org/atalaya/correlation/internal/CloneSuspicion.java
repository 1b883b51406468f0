package org.atalaya.correlation.internal;

import org.atalaya.api.anpr.Sighting;

/**
 * The same plate seen at two places farther apart than a vehicle could have driven in the time
 * between: two vehicles carry it, and at least one of them is not its own.
 *
 * @param plate         the plate
 * @param earlier       the earlier sighting
 * @param later         the later sighting
 * @param distanceMeters the distance between the two cameras
 * @param requiredKmh   the speed the vehicle would have needed
 */
public record CloneSuspicion(String plate, Sighting earlier, Sighting later, double distanceMeters,
        double requiredKmh) {
}
