package org.atalaya.correlation.internal;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.messaging.Addresses;
import org.atalaya.api.messaging.EventHeaders;
import org.atalaya.runtime.CanonicalJson;

/**
 * Every read on {@code atalaya.in.anpr} is matched, its alerts published on
 * {@code atalaya.alerts}, and then it is handed to the archive queue: the alert path never waits
 * for the database, and waits for the vehicle registry's details of a hit only within the hit's
 * time budget ({@link HitEnrichment}). Reads are consumed in batches, each in a local transaction
 * that the alerts and the archive copies join: a failure before the commit redelivers the reads
 * and nothing of what they produced is sent. Alert ids and the read id are duplicate ids, so a
 * redelivered read adds nothing twice.
 */
final class AnprRoutes extends RouteBuilder {

    static final String ROUTE_ID = "correlation-anpr";
    private static final String ALERTS = "AtalayaAlerts";

    private final Correlator correlator;
    private final HitEnrichment enrichment;
    private final String agencies;
    private final int consumers;

    AnprRoutes(Correlator correlator, HitEnrichment enrichment, String agencies, int consumers) {
        this.correlator = correlator;
        this.enrichment = enrichment;
        this.agencies = agencies;
        this.consumers = consumers;
    }

    @Override
    public void configure() {
        from("jms-batch:queue:" + Addresses.INBOUND_ANPR + "?consumers=" + consumers)
                .routeId(ROUTE_ID)
                .process(this::correlate).id("correlate")
                .split(exchangeProperty(ALERTS))
                    .process(this::toAlertMessage).id("alert-message")
                    .to("jms:topic:" + Addresses.ALERTS).id("to-alerts")
                .end()
                .removeHeaders("*", EventHeaders.DUPLICATE_ID, EventHeaders.EVENT_ID, EventHeaders.PLATE,
                        EventHeaders.CAMERA)
                .to("jms:queue:" + Addresses.ANPR_ARCHIVE).id("to-archive");
    }

    private void correlate(Exchange exchange) throws Exception {
        Message message = exchange.getIn();
        PlateRead read = CanonicalJson.mapper().readValue(message.getBody(byte[].class), PlateRead.class);
        boolean redelivered = Boolean.TRUE.equals(message.getHeader("JMSRedelivered", Boolean.class));
        List<OutgoingAlert> alerts = enrichment.enrich(correlator.correlate(read, redelivered));
        exchange.setProperty(ALERTS, alerts);
        message.setHeader(EventHeaders.DUPLICATE_ID, read.id());
        message.setHeader(EventHeaders.EVENT_ID, read.id());
    }

    private void toAlertMessage(Exchange exchange) throws Exception {
        Message message = exchange.getIn();
        OutgoingAlert alert = message.getBody(OutgoingAlert.class);
        message.removeHeaders("*");
        AlertMessages.headers(alert, agencies).forEach(message::setHeader);
        message.setBody(CanonicalJson.mapper().writeValueAsString(alert.body()));
    }
}
