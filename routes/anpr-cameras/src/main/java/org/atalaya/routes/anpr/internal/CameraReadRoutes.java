package org.atalaya.routes.anpr.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultMessage;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.messaging.Addresses;
import org.atalaya.runtime.DeadLetter;
import org.atalaya.runtime.DeviceTopic;

/**
 * Reads from MQTT to {@code atalaya.in.anpr}, one route per configured topic filter. The broker
 * holds what cameras publish in a durable shared subscription, so reads published while this
 * connector is not deployed wait for it; messages are consumed in batches, each in a local JMS
 * transaction that the canonical reads they carry are sent in. With {@code divert}, the
 * connector's divert on each topic ({@link CameraReadDivert}) makes what cameras publish
 * canonical as the broker routes it, and these routes take only what waited while no divert was
 * there.
 *
 * <p>The route takes a whole batch as one exchange ({@code grouped=true}), parses its messages
 * one after the other, and sends the batch's reads on as one message, a JSON array
 * ({@link CanonicalReads}): the broker journals, delivers and acknowledges a batch once, not once
 * a read. A payload that is not valid goes to the dead-letter address with the reason, in the
 * batch's transaction, and the rest of the batch goes on. A failure to send rolls the batch
 * back, and the broker delivers its messages again.
 */
final class CameraReadRoutes extends RouteBuilder {

    static final String ROUTE_PREFIX = "anpr-cameras-mqtt-";
    private static final String READS = "AtalayaReads";
    private static final String REJECTED = "AtalayaRejected";

    private final List<DeviceTopic> topics;
    private final PlateReadParser parser;
    private final String subscription;
    private final int consumers;

    CameraReadRoutes(List<DeviceTopic> topics, PlateReadParser parser, String subscription, int consumers) {
        this.topics = topics;
        this.parser = parser;
        this.subscription = subscription;
        this.consumers = consumers;
    }

    @Override
    public void configure() {
        for (int i = 0; i < topics.size(); i++) {
            DeviceTopic topic = topics.get(i);
            String name = subscription(subscription, i);
            String routeId = ROUTE_PREFIX + (i + 1);
            from(topic.subscriptionEndpoint(name, consumers) + "&grouped=true")
                    .routeId(routeId)
                    .process(exchange -> parse(exchange, topic, routeId)).id("parse-" + (i + 1))
                    .split(exchangeProperty(READS))
                        .to("jms:queue:" + Addresses.INBOUND_ANPR).id("to-inbound-" + (i + 1))
                    .end()
                    .split(exchangeProperty(REJECTED))
                        .to("jms:queue:" + Addresses.DEAD_LETTERS).id("rejected-" + (i + 1))
                    .end();
        }
    }

    /** The durable subscription of the {@code i}th topic (0 for the first): {@code first}, then {@code first-2}... */
    static String subscription(String first, int i) {
        return i == 0 ? first : first + "-" + (i + 1);
    }

    /** The batch's reads as canonical messages, and the payloads refused, each with its reason. */
    private void parse(Exchange exchange, DeviceTopic topic, String routeId) throws Exception {
        List<?> batch = exchange.getIn().getBody(List.class);
        List<PlateRead> reads = new ArrayList<>(batch.size());
        List<Message> rejected = new ArrayList<>(0);
        for (Object each : batch) {
            Message message = (Message) each;
            List<PlateRead> parsed;
            try {
                String camera = topic.deviceOfDestination(message.getHeader("JMSDestination"));
                parsed = parser.parse(message.getBody(byte[].class), camera);
            } catch (RuntimeException invalid) {
                rejected.add(DeadLetter.of(message, null, invalid, routeId, "jms-batch://topic:" + topic.address()));
                continue;
            }
            reads.addAll(parsed);
        }
        List<Message> messages = new ArrayList<>(1);
        for (String array : CanonicalReads.messages(reads)) {
            // nothing a camera set travels on: MQTT 5 user properties became message properties
            Message canonical = new DefaultMessage(exchange);
            canonical.setBody(array);
            messages.add(canonical);
        }
        exchange.setProperty(READS, messages);
        exchange.setProperty(REJECTED, rejected);
    }
}
