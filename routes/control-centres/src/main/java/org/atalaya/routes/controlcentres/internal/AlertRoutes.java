package org.atalaya.routes.controlcentres.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.atalaya.api.alert.AlertKind;
import org.atalaya.api.alert.AlertRepository;
import org.atalaya.api.messaging.Addresses;
import org.atalaya.api.messaging.EventHeaders;
import org.atalaya.runtime.CanonicalJson;

/**
 * Each agency's durable queue on {@code atalaya.alerts} into its record of alerts, in a local
 * JMS transaction: an alert is taken off the queue only once it is stored, and one stored already
 * (a redelivery) is not stored again. Storing wakes the agency's streams.
 */
final class AlertRoutes extends RouteBuilder {

    static final String ROUTE_PREFIX = "control-centres-alerts-";

    private final List<String> agencies;
    private final AlertRepository alerts;
    private final Map<String, AlertSignal> signals;

    AlertRoutes(List<String> agencies, AlertRepository alerts, Map<String, AlertSignal> signals) {
        this.agencies = agencies;
        this.alerts = alerts;
        this.signals = signals;
    }

    @Override
    public void configure() {
        for (String agency : agencies) {
            from("jms:queue:" + Addresses.ALERTS + "::" + agency + "?transacted=true&cacheLevelName=CACHE_CONSUMER")
                    .routeId(ROUTE_PREFIX + agency)
                    .process(exchange -> store(agency, exchange)).id("store-" + agency);
        }
    }

    private void store(String agency, Exchange exchange) throws Exception {
        Message message = exchange.getIn();
        String json = message.getBody(String.class);
        JsonNode alert = CanonicalJson.mapper().readTree(json);
        String id = message.getHeader(EventHeaders.EVENT_ID, String.class);
        AlertKind kind = AlertKind.valueOf(message.getHeader(EventHeaders.ALERT_KIND, String.class));
        int priority = message.getHeader(EventHeaders.PRIORITY, 0, Integer.class);
        Instant raisedAt = Instant.parse(alert.path("raisedAt").asText());
        alerts.save(agency, id, kind, priority, message.getHeader(EventHeaders.PLATE, String.class),
                message.getHeader(EventHeaders.CAMERA, String.class), raisedAt, json)
                .ifPresent(stored -> signals.get(agency).signal());
    }
}
