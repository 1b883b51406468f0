package org.atalaya.routes.anpr.internal;

import java.util.List;

import jakarta.jms.JMSException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.messaging.Addresses;
import org.atalaya.runtime.DeviceTopic;

/**
 * Reads from MQTT to {@code atalaya.in.anpr}, one route per configured topic filter. The broker
 * holds what cameras publish in a durable shared subscription, so reads published while this
 * connector is not deployed wait for it; messages are consumed in batches, each in a local JMS
 * transaction that the canonical reads they carry are sent in, and each read is sent with its id
 * as duplicate id, so a camera's repeat is accepted once.
 * A payload that is not valid goes to the dead-letter address with the reason.
 */
final class CameraReadRoutes extends RouteBuilder {

    static final String ROUTE_PREFIX = "anpr-cameras-mqtt-";
    private static final String READS = "AtalayaReads";

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
            String name = i == 0 ? subscription : subscription + "-" + (i + 1);
            from(topic.subscriptionEndpoint(name, consumers))
                    .routeId(ROUTE_PREFIX + (i + 1))
                    .process(exchange -> parse(exchange, topic)).id("parse-" + (i + 1))
                    // a camera publishes one read a message: it is sent as it is, not split
                    .choice()
                        .when(body().isInstanceOf(PlateRead.class))
                            .process(CameraReadRoutes::toCanonical)
                            .to("jms:queue:" + Addresses.INBOUND_ANPR).id("to-inbound-" + (i + 1))
                        .otherwise()
                            .split(exchangeProperty(READS))
                                .process(CameraReadRoutes::toCanonical)
                                .to("jms:queue:" + Addresses.INBOUND_ANPR).id("batch-to-inbound-" + (i + 1))
                            .end()
                    .end();
        }
    }

    private void parse(Exchange exchange, DeviceTopic topic) throws JMSException {
        Message message = exchange.getIn();
        String camera = topic.deviceOfDestination(message.getHeader("JMSDestination"));
        List<PlateRead> reads = parser.parse(message.getBody(byte[].class), camera);
        if (reads.size() == 1) {
            message.setBody(reads.get(0));
        } else {
            exchange.setProperty(READS, reads);
        }
    }

    private static void toCanonical(Exchange exchange) throws Exception {
        Message message = exchange.getIn();
        PlateRead read = message.getBody(PlateRead.class);
        // Nothing a camera set travels on: MQTT 5 user properties become message properties.
        message.removeHeaders("*");
        CanonicalReads.headers(read).forEach(message::setHeader);
        message.setBody(CanonicalReads.body(read));
    }

}
