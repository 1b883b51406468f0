package org.atalaya.api.messaging;

/**
 * Broker addresses of the hub. Connectors put canonical events on the {@code atalaya.in.*}
 * addresses (anycast, durable); what the core decides goes out on {@link #ALERTS} (multicast,
 * one durable subscription per agency); what cannot be processed lands on {@link #DEAD_LETTERS}.
 */
public final class Addresses {

    /** Canonical city-sensor readings. */
    public static final String INBOUND_SENSORS = "atalaya.in.sensors";

    /** Canonical licence-plate reads, for matching. */
    public static final String INBOUND_ANPR = "atalaya.in.anpr";

    /** Canonical face-recognition matches, for the biometric guard only. */
    public static final String INBOUND_FACE = "atalaya.in.face";

    /**
     * Reads already matched, waiting to be stored in batches: the archive is kept off the alert
     * path, but a read is still on the broker until it is in the database.
     */
    public static final String ANPR_ARCHIVE = "atalaya.archive.anpr";

    /**
     * Live hits whose vehicle the registry connector is asked about: the hit itself has gone
     * out already, its details follow on {@link #ALERTS} as a {@code HIT_DETAILS} alert.
     */
    public static final String ANPR_LOOKUPS = "atalaya.lookups.anpr";

    /** Decisions for the agencies: hits, incidents, system alerts. */
    public static final String ALERTS = "atalaya.alerts";

    /** Events that could not be processed, with {@link EventHeaders#FAILURE_REASON}. */
    public static final String DEAD_LETTERS = "atalaya.dlq";

    private Addresses() {
    }
}
