package org.atalaya.api.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Each agency's received alerts (the store bundle). */
public interface AlertRepository {

    /**
     * Records an alert an agency received; an alert it already has is not recorded twice.
     *
     * @return the stored alert, or empty when it was already there
     */
    default Optional<AgencyAlert> save(String agency, String id, AlertKind kind, int priority, String plate,
            String cameraId, Instant raisedAt, String json) {
        return saveAll(agency, List.of(new AgencyAlert(0, agency, id, kind, priority, plate, cameraId, raisedAt, json,
                null, null))).stream().findFirst();
    }

    /**
     * Records alerts an agency received, in their order and in one transaction: all or none. One
     * it already has, or that comes twice in the list, is recorded once. Their sequence numbers
     * and acknowledgements are the store's and are ignored here.
     *
     * @return the alerts stored now, numbered, in order
     */
    default List<AgencyAlert> saveAll(String agency, List<AgencyAlert> received) {
        return saveAll(agency, received, stored -> { });
    }

    /**
     * Records alerts as {@link #saveAll(String, List)} does, and hands those stored now, when any
     * were, to {@code alongside} in the same transaction, before its commit. What it writes to the
     * hub's database there (an audit record appended with
     * {@link org.atalaya.api.audit.AuditLog#appendInTransaction}) is committed with the alerts or
     * not at all; when it throws, nothing is stored and its failure is thrown here.
     *
     * @return the alerts stored now, numbered, in order
     */
    List<AgencyAlert> saveAll(String agency, List<AgencyAlert> received, Consumer<List<AgencyAlert>> alongside);

    List<AgencyAlert> list(String agency, AlertQuery query);

    /** The agency's alerts numbered after {@code sequence}, oldest first, at most {@code limit}. */
    List<AgencyAlert> after(String agency, long sequence, int limit);

    Optional<AgencyAlert> find(String agency, String id);

    /** Marks an alert acknowledged, once; returns it as it is now. */
    Optional<AgencyAlert> acknowledge(String agency, String id, String by, Instant at);
}
