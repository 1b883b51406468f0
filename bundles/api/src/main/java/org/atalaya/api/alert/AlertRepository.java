package org.atalaya.api.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Each agency's received alerts (the store bundle). */
public interface AlertRepository {

    /**
     * Records an alert an agency received; an alert it already has is not recorded twice.
     *
     * @return the stored alert, or empty when it was already there
     */
    Optional<AgencyAlert> save(String agency, String id, AlertKind kind, int priority, String plate, String cameraId,
            Instant raisedAt, String json);

    List<AgencyAlert> list(String agency, AlertQuery query);

    /** The agency's alerts numbered after {@code sequence}, oldest first, at most {@code limit}. */
    List<AgencyAlert> after(String agency, long sequence, int limit);

    Optional<AgencyAlert> find(String agency, String id);

    /** Marks an alert acknowledged, once; returns it as it is now. */
    Optional<AgencyAlert> acknowledge(String agency, String id, String by, Instant at);
}
