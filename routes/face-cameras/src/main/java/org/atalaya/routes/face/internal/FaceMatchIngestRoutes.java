package org.atalaya.routes.face.internal;

import jakarta.jms.JMSException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.atalaya.api.face.FaceMatch;
import org.atalaya.api.messaging.Addresses;
import org.atalaya.runtime.DeviceTopic;

/**
 * Matches from MQTT to {@code atalaya.in.face}. The broker holds what cameras publish in a
 * durable shared subscription, so matches published while this connector is not deployed wait
 * for it; each message is consumed in a local JMS transaction, and each match in it is sent with
 * its id as duplicate id, so a camera's repeat is accepted once. A payload that is not valid goes
 * to the dead-letter address with the reason.
 */
final class FaceMatchIngestRoutes extends RouteBuilder {

    static final String ROUTE_ID = "face-cameras-mqtt";
    private static final String MATCHES = "AtalayaFaceMatches";

    private final DeviceTopic topic;
    private final FaceMatchParser parser;
    private final String subscription;
    private final int consumers;

    FaceMatchIngestRoutes(DeviceTopic topic, FaceMatchParser parser, String subscription, int consumers) {
        this.topic = topic;
        this.parser = parser;
        this.subscription = subscription;
        this.consumers = consumers;
    }

    @Override
    public void configure() {
        from(topic.subscriptionEndpoint(subscription, consumers))
                .routeId(ROUTE_ID)
                .process(this::parse).id("parse")
                .split(exchangeProperty(MATCHES))
                    .process(FaceMatchIngestRoutes::toCanonical).id("canonical-match")
                    .to("jms:queue:" + Addresses.INBOUND_FACE).id("to-inbound")
                .end();
    }

    private void parse(Exchange exchange) throws JMSException {
        Message message = exchange.getIn();
        String camera = topic.deviceOfDestination(message.getHeader("JMSDestination"));
        exchange.setProperty(MATCHES, parser.parse(message.getBody(byte[].class), camera));
    }

    private static void toCanonical(Exchange exchange) throws Exception {
        Message message = exchange.getIn();
        FaceMatch match = message.getBody(FaceMatch.class);
        // Nothing a camera set travels on: MQTT 5 user properties become message properties.
        message.removeHeaders("*");
        CanonicalMatches.headers(match).forEach(message::setHeader);
        message.setBody(CanonicalMatches.body(match));
    }
}
