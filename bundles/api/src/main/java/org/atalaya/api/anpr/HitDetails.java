package org.atalaya.api.anpr;

import java.time.Instant;
import java.util.Objects;

/**
 * A vehicle's details that the registry gave after its hit went out: a live hit goes out at once,
 * never waiting for the registry, and its vehicle follows as this update.
 *
 * @param id       this update's id
 * @param hitId    the id of the hit it completes
 * @param plate    the plate read, normalised
 * @param cameraId the camera that read it
 * @param vehicle  the details
 * @param raisedAt when the hub sent it
 */
public record HitDetails(String id, String hitId, String plate, String cameraId, VehicleDetails vehicle,
        Instant raisedAt) {

    public HitDetails {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hitId, "hitId");
        Objects.requireNonNull(vehicle, "vehicle");
        Objects.requireNonNull(raisedAt, "raisedAt");
    }
}
