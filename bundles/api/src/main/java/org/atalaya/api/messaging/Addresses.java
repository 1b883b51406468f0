package org.atalaya.api.messaging;

/**
 * Broker addresses of the hub. Connectors put canonical events on the {@code atalaya.in.*}
 * addresses (anycast, durable); what the core decides goes out on {@link #ALERTS} (multicast,
 * one durable subscription per agency); what cannot be processed lands on {@link #DEAD_LETTERS}.
 */
public final class Addresses {

    /** Canonical city-sensor readings. */
    public static final String INBOUND_SENSORS = "atalaya.in.sensors";

    /** Decisions for the agencies: hits, incidents, system alerts. */
    public static final String ALERTS = "atalaya.alerts";

    /** Events that could not be processed, with {@link EventHeaders#FAILURE_REASON}. */
    public static final String DEAD_LETTERS = "atalaya.dlq";

    private Addresses() {
    }
}
