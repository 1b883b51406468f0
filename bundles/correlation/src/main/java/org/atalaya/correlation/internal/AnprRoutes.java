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
 * for the database nor for the vehicle registry. Reads are consumed in batches, each in a local
 * transaction that the alerts, the lookups and the archive copies join: a failure before the
 * commit redelivers the reads and nothing of what they produced is sent. Alert ids and the read
 * id are duplicate ids, so a redelivered read adds nothing twice.
 *
 * <p>A live hit is also put on {@code atalaya.lookups.anpr}; a second route asks the registry
 * connector, when one is installed, about each, {@code lookupConsumers} at a time, and
 * publishes the answer as a {@code HIT_DETAILS} alert ({@link HitDetailsLookup}).
 */
final class AnprRoutes extends RouteBuilder {

    static final String ROUTE_ID = "correlation-anpr";
    static final String LOOKUP_ROUTE_ID = "correlation-hit-details";
    private static final String ALERTS = "AtalayaAlerts";
    private static final String LOOKUPS = "AtalayaLookups";

    private final Correlator correlator;
    private final HitDetailsLookup details;
    private final String agencies;
    private final int consumers;
    private final int lookupConsumers;

    AnprRoutes(Correlator correlator, HitDetailsLookup details, String agencies, int consumers, int lookupConsumers) {
        this.correlator = correlator;
        this.details = details;
        this.agencies = agencies;
        this.consumers = consumers;
        this.lookupConsumers = lookupConsumers;
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
                .split(exchangeProperty(LOOKUPS))
                    .process(this::toLookupMessage).id("lookup-message")
                    .to("jms:queue:" + Addresses.ANPR_LOOKUPS).id("to-lookups")
                .end()
                .process(AnprRoutes::toArchiveMessage).id("archive-message")
                .to("jms:queue:" + Addresses.ANPR_ARCHIVE).id("to-archive");

        // one lookup per transaction: its details are sent when it commits, not behind the others
        from("jms-batch:queue:" + Addresses.ANPR_LOOKUPS + "?consumers=" + lookupConsumers + "&batchSize=1")
                .routeId(LOOKUP_ROUTE_ID)
                .process(exchange -> exchange.setProperty(ALERTS,
                        details.details(exchange.getIn().getBody(String.class)).stream().toList())).id("lookup")
                .split(exchangeProperty(ALERTS))
                    .process(this::toAlertMessage).id("details-message")
                    .to("jms:topic:" + Addresses.ALERTS).id("details-to-alerts")
                .end();
    }

    private void correlate(Exchange exchange) throws Exception {
        Message message = exchange.getIn();
        PlateRead read = CanonicalJson.mapper().readValue(message.getBody(byte[].class), PlateRead.class);
        boolean redelivered = Boolean.TRUE.equals(message.getHeader("JMSRedelivered", Boolean.class));
        List<OutgoingAlert> alerts = correlator.correlate(read, redelivered);
        exchange.setProperty(ALERTS, alerts);
        exchange.setProperty(LOOKUPS, alerts.isEmpty() ? alerts : alerts.stream().filter(HitDetailsLookup::asks).toList());
        message.setHeader(EventHeaders.DUPLICATE_ID, read.id());
        message.setHeader(EventHeaders.EVENT_ID, read.id());
    }

    private void toLookupMessage(Exchange exchange) throws Exception {
        Message message = exchange.getIn();
        OutgoingAlert hit = message.getBody(OutgoingAlert.class);
        message.removeHeaders("*");
        message.setHeader(EventHeaders.DUPLICATE_ID, "lookup-" + hit.id());
        message.setHeader(EventHeaders.EVENT_ID, hit.id());
        message.setBody(CanonicalJson.mapper().writeValueAsString(hit.body()));
    }

    /**
     * The read as the archive takes it: its id (as duplicate id), plate and camera, nothing else.
     * Not {@code removeHeaders} with exceptions, which compiles a pattern for every header.
     */
    private static void toArchiveMessage(Exchange exchange) {
        Message message = exchange.getIn();
        Object duplicateId = message.getHeader(EventHeaders.DUPLICATE_ID);
        Object eventId = message.getHeader(EventHeaders.EVENT_ID);
        Object plate = message.getHeader(EventHeaders.PLATE);
        Object camera = message.getHeader(EventHeaders.CAMERA);
        message.removeHeaders("*");
        message.setHeader(EventHeaders.DUPLICATE_ID, duplicateId);
        message.setHeader(EventHeaders.EVENT_ID, eventId);
        if (plate != null) {
            message.setHeader(EventHeaders.PLATE, plate);
        }
        if (camera != null) {
            message.setHeader(EventHeaders.CAMERA, camera);
        }
    }

    private void toAlertMessage(Exchange exchange) throws Exception {
        Message message = exchange.getIn();
        OutgoingAlert alert = message.getBody(OutgoingAlert.class);
        message.removeHeaders("*");
        AlertMessages.headers(alert, agencies).forEach(message::setHeader);
        message.setBody(CanonicalJson.mapper().writeValueAsString(alert.body()));
    }
}
