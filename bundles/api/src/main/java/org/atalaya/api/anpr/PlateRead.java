package org.atalaya.api.anpr;

import java.time.Instant;
import java.util.Objects;

import org.atalaya.api.geo.GeoPoint;

/**
 * One licence plate read by one camera.
 *
 * @param id          the read's own id; the broker accepts a read once per id
 * @param cameraId    the camera that read it
 * @param capturedAt  when, by the camera's clock
 * @param plateAsRead the characters as the camera reported them
 * @param plate       the normalised plate: upper-case letters and digits only
 * @param country     ISO 3166-1 alpha-2 country of the plate, or {@code null} when not known
 * @param confidence  the camera's confidence in the reading, 0 to 1
 * @param direction   which way the vehicle was going
 * @param position    where the camera stands, or {@code null} when not known
 * @param imageRef    where the capture can be fetched, or {@code null}
 */
public record PlateRead(String id, String cameraId, Instant capturedAt, String plateAsRead, String plate,
        String country, double confidence, Direction direction, GeoPoint position, String imageRef) {

    public PlateRead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(plateAsRead, "plateAsRead");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(direction, "direction");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
    }
}
