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

    private EventHeaders() {
    }
}
