package org.atalaya.api.messaging;

/**
 * Message properties the hub sets on the broker. Names are plain Java identifiers so that every
 * protocol (CORE, AMQP, MQTT 5, JMS) carries them unchanged.
 */
public final class EventHeaders {

    /**
     * Artemis duplicate detection: a second message with the same value on the same address is
     * dropped by the broker, so a retried send never yields a second event.
     */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    /** The canonical event's id. */
    public static final String EVENT_ID = "AtalayaEventId";

    /** Why an event went to the dead-letter address. */
    public static final String FAILURE_REASON = "AtalayaFailureReason";

    /** The exception type that sent an event to the dead-letter address. */
    public static final String FAILURE_TYPE = "AtalayaFailureType";

    /** The route that failed to process an event. */
    public static final String FAILED_ROUTE = "AtalayaFailedRoute";

    /** Where the failed event came from (its endpoint). */
    public static final String FAILED_FROM = "AtalayaFailedFrom";

    /** When the event failed, ISO-8601. */
    public static final String FAILED_AT = "AtalayaFailedAt";

    /** What an alert on {@link Addresses#ALERTS} is: one of {@code org.atalaya.api.alert.AlertKind}. */
    public static final String ALERT_KIND = "AtalayaAlertKind";

    /** An alert's priority, 0 to 100, as an int property agencies may filter on. */
    public static final String PRIORITY = "AtalayaPriority";

    /** The agencies an alert is for, comma-separated, e.g. {@code local-police,national-police}. */
    public static final String AGENCIES = "AtalayaAgencies";

    /** The licence plate an alert or read is about, normalised. */
    public static final String PLATE = "AtalayaPlate";

    /**
     * Who listed the entry a hit is on ({@code interior-ministry}): the source's connector takes
     * the hits on its own entries back to it.
     */
    public static final String HOTLIST_SOURCE = "AtalayaHotlistSource";

    /** The camera that read the plate. */
    public static final String CAMERA = "AtalayaCamera";

    private EventHeaders() {
    }
}
