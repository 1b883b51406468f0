package org.atalaya.correlation.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.atalaya.api.messaging.Addresses;
import org.atalaya.api.messaging.EventHeaders;
import org.atalaya.runtime.CanonicalJson;
import org.atalaya.runtime.DeadLetter;
import org.atalaya.runtime.EventArrays;

/**
 * Every read on {@code atalaya.in.anpr} is matched, its alerts published on
 * {@code atalaya.alerts}, and then it is handed to the archive queue: the alert path never waits
 * for the database nor for the vehicle registry. A message on that queue is a read or a JSON
 * array of reads (a connector sends a batch as one message, {@link InboundReads}). Messages are
 * consumed in batches, each in a local transaction that the alerts, the lookups and the archive
 * copy join: a failure before the commit redelivers the messages and nothing of what their reads
 * produced is sent. Alert ids are duplicate ids, so a read matched twice (redelivered, or sent
 * twice by a camera) alerts nothing twice.
 *
 * <p>The route takes a whole batch as one exchange ({@code grouped=true}): the reads are matched
 * one after the other in plain Java, and the batch's reads go to the archive together, as JSON
 * arrays ({@code EventArrays}), not one message each. Those messages carry no duplicate id: the
 * archive stores a read once by its id, so a repeat stores nothing.
 *
 * <p>What fails:
 * <ul>
 * <li>A message, or an element of an array, that is not a canonical read goes to the dead-letter
 * address with its reason, in the batch's transaction; the other reads go on.</li>
 * <li>Anything else (the hotlist's database away while a hit's entry is read) fails the batch,
 * which the broker redelivers after its back-off, each message on its own. A read that has
 * failed {@value #DEAD_LETTER_AT_DELIVERY} deliveries goes to the dead-letter address with the
 * reason, and the other reads of its message go on.</li>
 * </ul>
 *
 * <p>A live hit is also put on {@code atalaya.lookups.anpr}; a second route asks the registry
 * connector, when one is installed, about each, and publishes the answer as a
 * {@code HIT_DETAILS} alert ({@link HitDetailsLookup}). Each of its {@code lookupConsumers}
 * takes up to {@code lookupBatch} hits at once and asks about them together, in one
 * transaction: a lookup that failed goes to the dead-letter address with its reason there, and
 * the others' details go out.
 */
final class AnprRoutes extends RouteBuilder {

    static final String ROUTE_ID = "correlation-anpr";
    static final String LOOKUP_ROUTE_ID = "correlation-hit-details";
    /** The delivery of a read that keeps failing at which it is dead-lettered, below the broker's 10. */
    static final int DEAD_LETTER_AT_DELIVERY = 5;
    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";
    private static final String ALERTS = "AtalayaAlerts";
    private static final String LOOKUPS = "AtalayaLookups";
    private static final String REJECTED = "AtalayaRejected";
    private static final String ARCHIVE = "AtalayaArchive";

    private final Correlator correlator;
    private final HitDetailsLookup details;
    private final String agencies;
    private final int consumers;
    private final int lookupConsumers;
    private final int lookupBatch;

    AnprRoutes(Correlator correlator, HitDetailsLookup details, String agencies, int consumers, int lookupConsumers,
            int lookupBatch) {
        this.correlator = correlator;
        this.details = details;
        this.agencies = agencies;
        this.consumers = consumers;
        this.lookupConsumers = lookupConsumers;
        this.lookupBatch = lookupBatch;
    }

    @Override
    public void configure() {
        from("jms-batch:queue:" + Addresses.INBOUND_ANPR + "?consumers=" + consumers + "&grouped=true")
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
                .split(exchangeProperty(REJECTED))
                    .to("jms:queue:" + Addresses.DEAD_LETTERS).id("not-a-read")
                .end()
                .split(exchangeProperty(ARCHIVE))
                    .to("jms:queue:" + Addresses.ANPR_ARCHIVE).id("to-archive")
                .end();

        // a few lookups at once: their details are sent together, when the slowest is answered
        from("jms-batch:queue:" + Addresses.ANPR_LOOKUPS + "?consumers=" + lookupConsumers + "&batchSize="
                + lookupBatch + "&grouped=true")
                .routeId(LOOKUP_ROUTE_ID)
                .process(this::lookUp).id("lookup")
                .split(exchangeProperty(ALERTS))
                    .process(this::toAlertMessage).id("details-message")
                    .to("jms:topic:" + Addresses.ALERTS).id("details-to-alerts")
                .end()
                .split(exchangeProperty(REJECTED))
                    .to("jms:queue:" + Addresses.DEAD_LETTERS).id("lookup-failed")
                .end();
    }

    /**
     * Asks the registry about the batch's hits at once. Leaves the details alerts, and the lookups
     * that failed as dead letters with their reasons, in properties.
     */
    private void lookUp(Exchange exchange) throws InterruptedException {
        List<?> batch = exchange.getIn().getBody(List.class);
        List<String> hits = new ArrayList<>(batch.size());
        for (Object each : batch) {
            hits.add(((Message) each).getBody(String.class));
        }
        List<HitDetailsLookup.Answer> answers = details.details(hits);
        List<OutgoingAlert> alerts = new ArrayList<>(answers.size());
        List<Message> rejected = new ArrayList<>(0);
        for (int i = 0; i < answers.size(); i++) {
            HitDetailsLookup.Answer answer = answers.get(i);
            if (answer.failure() != null) {
                rejected.add(DeadLetter.of((Message) batch.get(i), null, answer.failure(), LOOKUP_ROUTE_ID,
                        Addresses.ANPR_LOOKUPS));
            }
            answer.details().ifPresent(alerts::add);
        }
        exchange.setProperty(ALERTS, alerts);
        exchange.setProperty(REJECTED, rejected);
        exchange.getIn().removeHeaders("*");
    }

    /**
     * Matches the batch's reads in order. Leaves the alerts, the lookups, the rejected messages
     * and the archive messages (JSON arrays of the reads) in properties.
     */
    private void correlate(Exchange exchange) {
        List<?> batch = exchange.getIn().getBody(List.class);
        List<OutgoingAlert> alerts = new ArrayList<>();
        List<Message> rejected = new ArrayList<>(0);
        List<String> archive = new ArrayList<>(batch.size());
        for (Object each : batch) {
            Message message = (Message) each;
            InboundReads carried = InboundReads.of(message.getBody(String.class));
            for (InboundReads.Refused refused : carried.refused()) {
                rejected.add(deadLetter(message, refused.json(), refused.reason(), refused.failure()));
            }
            boolean redelivered = Boolean.TRUE.equals(message.getHeader("JMSRedelivered", Boolean.class));
            for (InboundReads.Carried read : carried.reads()) {
                try {
                    alerts.addAll(correlator.correlate(read.read(), redelivered));
                } catch (RuntimeException failure) {
                    int delivery = message.getHeader(DELIVERY_COUNT, 1, Integer.class);
                    if (delivery < DEAD_LETTER_AT_DELIVERY) {
                        throw failure;
                    }
                    rejected.add(deadLetter(message, read.json(), "not matched after " + delivery + " deliveries: "
                            + failure.getMessage(), failure));
                    continue;
                }
                archive.add(read.json());
            }
        }
        exchange.setProperty(ALERTS, alerts);
        exchange.setProperty(LOOKUPS, alerts.isEmpty() ? alerts : alerts.stream().filter(HitDetailsLookup::asks).toList());
        exchange.setProperty(REJECTED, rejected);
        exchange.setProperty(ARCHIVE, EventArrays.of(archive));
        exchange.getIn().removeHeaders("*");
    }

    /** {@code json}, one read or what came in its place, as a dead letter of {@code message}. */
    private static Message deadLetter(Message message, String json, String reason, Exception failure) {
        Message dead = DeadLetter.of(message, reason, failure, ROUTE_ID, Addresses.INBOUND_ANPR);
        dead.setBody(json);
        return dead;
    }

    private void toLookupMessage(Exchange exchange) throws Exception {
        Message message = exchange.getIn();
        OutgoingAlert hit = message.getBody(OutgoingAlert.class);
        message.removeHeaders("*");
        message.setHeader(EventHeaders.DUPLICATE_ID, "lookup-" + hit.id());
        message.setHeader(EventHeaders.EVENT_ID, hit.id());
        message.setBody(CanonicalJson.mapper().writeValueAsString(hit.body()));
    }

    private void toAlertMessage(Exchange exchange) throws Exception {
        Message message = exchange.getIn();
        OutgoingAlert alert = message.getBody(OutgoingAlert.class);
        message.removeHeaders("*");
        AlertMessages.headers(alert, agencies).forEach(message::setHeader);
        message.setBody(CanonicalJson.mapper().writeValueAsString(alert.body()));
    }
}
