package org.atalaya.routes.citysensors.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.jms.JMSException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.atalaya.api.event.SensorReading;
import org.atalaya.api.messaging.Addresses;
import org.atalaya.api.messaging.EventHeaders;
import org.atalaya.runtime.CanonicalJson;
import org.atalaya.runtime.DeviceTopic;

/**
 * Sensor readings from MQTT to {@code atalaya.in.sensors}. The broker holds what sensors publish
 * in a durable shared subscription, so readings published while this connector is not deployed
 * wait for it; each one is consumed in a local JMS transaction, and its canonical form is sent
 * with the reading's id as duplicate id, so a redelivered reading is accepted only once.
 */
final class SensorReadingRoutes extends RouteBuilder {

    static final String ROUTE_ID = "city-sensors-readings";
    static final String KIND_HEADER = "AtalayaSensorKind";
    static final String SENSOR_HEADER = "AtalayaSensorId";

    private final DeviceTopic topic;
    private final SensorReadingParser parser;
    private final String subscription;
    private final int consumers;

    SensorReadingRoutes(DeviceTopic topic, SensorReadingParser parser, String subscription, int consumers) {
        this.topic = topic;
        this.parser = parser;
        this.subscription = subscription;
        this.consumers = consumers;
    }

    @Override
    public void configure() {
        from(topic.subscriptionEndpoint(subscription, consumers))
                .routeId(ROUTE_ID)
                .process(this::toCanonical).id("canonical-reading")
                .to("jms:queue:" + Addresses.INBOUND_SENSORS).id("to-inbound");
    }

    private void toCanonical(Exchange exchange) throws JMSException, JsonProcessingException {
        Message message = exchange.getIn();
        String sensor = topic.deviceOfDestination(message.getHeader("JMSDestination"));
        SensorReading reading = parser.parse(message.getBody(byte[].class), sensor);
        // Nothing a device set travels on: MQTT 5 user properties become message properties.
        message.removeHeaders("*");
        message.setHeader(EventHeaders.DUPLICATE_ID, reading.id());
        message.setHeader(EventHeaders.EVENT_ID, reading.id());
        message.setHeader(SENSOR_HEADER, reading.sensorId());
        message.setHeader(KIND_HEADER, reading.kind().name());
        message.setBody(CanonicalJson.mapper().writeValueAsString(reading));
    }

}
