package org.atalaya.correlation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.atalaya.api.anpr.Sighting;
import org.atalaya.api.geo.GeoPoint;

/**
 * Cloned-plate detection: remembers the last sighting of every plate for a while and flags a
 * new sighting that no vehicle could have made after the last one. Two sightings closer than
 * {@code minDistanceMeters} never count (cameras at one junction, position errors), and the
 * speed is computed with at least one second between the reads (clock skew between cameras).
 */
public final class CloneDetector {

    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private final double maxSpeedKmh;
    private final double minDistanceMeters;
    private final long memoryMillis;
    private final ConcurrentHashMap<Long, Sighting> lastSeen = new ConcurrentHashMap<>();

    /**
     * @param maxSpeedKmh       the fastest a vehicle may plausibly go between two cameras
     * @param minDistanceMeters sightings closer than this are never suspicious
     * @param memory            how long a sighting is remembered
     */
    public CloneDetector(double maxSpeedKmh, double minDistanceMeters, Duration memory) {
        this.maxSpeedKmh = maxSpeedKmh;
        this.minDistanceMeters = minDistanceMeters;
        this.memoryMillis = memory.toMillis();
    }

    /**
     * Records a sighting of {@code plate} (normalised) and returns the suspicion it raises
     * against the plate's last sighting, if any.
     */
    public Optional<CloneSuspicion> observe(String plate, Sighting sighting) {
        long code = PlateCode.of(plate);
        if (code == 0 || sighting.position() == null) {
            return Optional.empty();
        }
        Sighting[] previous = new Sighting[1];
        lastSeen.compute(code, (key, last) -> {
            previous[0] = last;
            // keep the latest sighting; a late-arriving older read is compared, not kept
            return last == null || !sighting.capturedAt().isBefore(last.capturedAt()) ? sighting : last;
        });
        Sighting last = previous[0];
        if (last == null || last.cameraId().equals(sighting.cameraId())
                || Math.abs(sighting.capturedAt().toEpochMilli() - last.capturedAt().toEpochMilli()) > memoryMillis) {
            return Optional.empty();
        }
        double meters = distanceMeters(last.position(), sighting.position());
        if (meters < minDistanceMeters) {
            return Optional.empty();
        }
        long millis = Math.max(1000, Math.abs(sighting.capturedAt().toEpochMilli() - last.capturedAt().toEpochMilli()));
        double kmh = meters / 1000 / (millis / 3_600_000.0);
        if (kmh <= maxSpeedKmh) {
            return Optional.empty();
        }
        boolean lastFirst = !sighting.capturedAt().isBefore(last.capturedAt());
        return Optional.of(new CloneSuspicion(plate, lastFirst ? last : sighting, lastFirst ? sighting : last,
                meters, kmh));
    }

    /** Forgets sightings older than the memory before {@code now}; returns how many. */
    public int expire(Instant now) {
        long oldest = now.toEpochMilli() - memoryMillis;
        int before = lastSeen.size();
        lastSeen.values().removeIf(sighting -> sighting.capturedAt().toEpochMilli() < oldest);
        return before - lastSeen.size();
    }

    /** Great-circle distance (haversine). */
    static double distanceMeters(GeoPoint a, GeoPoint b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
