package org.atalaya.api.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert as one agency received it: numbered in the order it arrived there, so that a stream
 * can resume after the last number a client saw.
 *
 * @param sequence    the agency's own, increasing number for it
 * @param agency      the agency
 * @param id          the alert's id (the same at every agency)
 * @param kind        hit, past hit or clone
 * @param priority    0 to 100
 * @param plate       the plate it is about
 * @param cameraId    the camera of the (latest) read
 * @param raisedAt    when the hub raised it
 * @param json        the alert itself, as JSON
 * @param acknowledgedAt when someone at the agency acknowledged it, or {@code null}
 * @param acknowledgedBy who did, or {@code null}
 */
public record AgencyAlert(long sequence, String agency, String id, AlertKind kind, int priority, String plate,
        String cameraId, Instant raisedAt, String json, Instant acknowledgedAt, String acknowledgedBy) {

    public AgencyAlert {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(json, "json");
    }
}
