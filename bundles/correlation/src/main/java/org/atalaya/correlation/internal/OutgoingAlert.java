package org.atalaya.correlation.internal;

import java.util.Objects;

import org.atalaya.api.alert.AlertKind;

/**
 * An alert ready for {@code atalaya.alerts}: the body and what its headers say.
 *
 * @param id       the alert's id, also its duplicate id: the same decision is never sent twice
 * @param kind     hit, past hit or clone
 * @param priority 0 to 100
 * @param plate    the plate, normalised
 * @param cameraId the camera of the read that raised it
 * @param body     the canonical alert ({@code HitAlert} or {@code CloneAlert})
 */
record OutgoingAlert(String id, AlertKind kind, int priority, String plate, String cameraId, Object body) {

    OutgoingAlert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
    }
}
