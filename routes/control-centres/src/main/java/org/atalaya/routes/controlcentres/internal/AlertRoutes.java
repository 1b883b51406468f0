package org.atalaya.routes.controlcentres.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.atalaya.api.alert.AgencyAlert;
import org.atalaya.api.alert.AlertKind;
import org.atalaya.api.alert.AlertRepository;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.messaging.Addresses;
import org.atalaya.api.messaging.EventHeaders;
import org.atalaya.runtime.CanonicalJson;
import org.atalaya.runtime.DeadLetter;

/**
 * Each agency's durable queue on {@code atalaya.alerts} into its record of alerts. The alerts
 * waiting are taken as one batch in a local JMS transaction ({@code jms-batch}, grouped), stored
 * in one database transaction, and only then taken off the queue: an alert stored already (a
 * redelivery) is not stored again, and one that is not an alert goes to the dead-letter address
 * with its reason in the same JMS transaction. Storing wakes the agency's streams; the
 * disclosure of the alerts to each stream that is caught up is recorded in the audit log in the
 * transaction that stores them ({@link LiveStreams}), so that the stream sends them at once.
 *
 * <p>Two consumers take each queue, so that an alert that arrives while one of them waits for
 * the broker to commit its batch is stored by the other. Their stores take the agency's lock in
 * the database one after the other ({@code AlertStore}), so the alerts' numbers become visible
 * in order and a stream resumed after a number misses none.
 */
final class AlertRoutes extends RouteBuilder {

    static final String ROUTE_PREFIX = "control-centres-alerts-";
    private static final String NOT_ALERTS = "AtalayaNotAlerts";

    private final List<String> agencies;
    private final AlertRepository alerts;
    private final Map<String, LiveStreams> streams;
    private final AuditLog audit;

    AlertRoutes(List<String> agencies, AlertRepository alerts, Map<String, LiveStreams> streams, AuditLog audit) {
        this.agencies = agencies;
        this.alerts = alerts;
        this.streams = streams;
        this.audit = audit;
    }

    @Override
    public void configure() {
        for (String agency : agencies) {
            from("jms-batch:queue:" + Addresses.ALERTS + "::" + agency + "?consumers=2&batchSize=500&grouped=true")
                    .routeId(ROUTE_PREFIX + agency)
                    .process(exchange -> store(agency, exchange)).id("store-" + agency)
                    .split(exchangeProperty(NOT_ALERTS))
                        .to("jms:queue:" + Addresses.DEAD_LETTERS).id("not-an-alert-" + agency)
                    .end();
        }
    }

    private void store(String agency, Exchange exchange) {
        List<AgencyAlert> received = new ArrayList<>();
        List<Message> notAlerts = new ArrayList<>();
        for (Object each : exchange.getIn().getBody(List.class)) {
            Message message = (Message) each;
            try {
                received.add(alert(agency, message));
            } catch (RuntimeException | IOException notAnAlert) {
                notAlerts.add(DeadLetter.of(message, "not an alert: " + notAnAlert.getMessage(), notAnAlert,
                        ROUTE_PREFIX + agency, Addresses.ALERTS + "::" + agency));
            }
        }
        LiveStreams live = streams.get(agency);
        List<AgencyAlert> stored;
        try {
            stored = alerts.saveAll(agency, received, now -> live.recordDisclosures(now, audit));
        } catch (RuntimeException notStored) {
            live.notStored(received);
            throw notStored;
        }
        if (!stored.isEmpty()) {
            live.signal().signal();
        }
        exchange.setProperty(NOT_ALERTS, notAlerts);
    }

    /** The alert a message on the agency's queue carries, as the hub's correlation sent it. */
    static AgencyAlert alert(String agency, Message message) throws IOException {
        String json = message.getBody(String.class);
        JsonNode alert = CanonicalJson.mapper().readTree(json);
        String id = message.getHeader(EventHeaders.EVENT_ID, String.class);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("no " + EventHeaders.EVENT_ID);
        }
        String kind = message.getHeader(EventHeaders.ALERT_KIND, String.class);
        if (kind == null) {
            throw new IllegalArgumentException("no " + EventHeaders.ALERT_KIND);
        }
        return new AgencyAlert(0, agency, id, AlertKind.valueOf(kind),
                message.getHeader(EventHeaders.PRIORITY, 0, Integer.class),
                message.getHeader(EventHeaders.PLATE, String.class), message.getHeader(EventHeaders.CAMERA, String.class),
                Instant.parse(alert.path("raisedAt").asText()), json, null, null);
    }
}
