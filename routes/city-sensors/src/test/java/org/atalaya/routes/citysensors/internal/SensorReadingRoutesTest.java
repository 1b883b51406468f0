package org.atalaya.routes.citysensors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.api.messaging.EventHeaders;
import org.atalaya.runtime.DeviceTopic;
import org.junit.jupiter.api.Test;

class SensorReadingRoutesTest extends CamelTestSupport {

    private static final String READING = """
            {"id":"en-port-42","sensorId":"en-port","kind":"energy","observedAt":"%s",
             "measurements":[{"quantity":"active_power","value":412.5,"unit":"kW"}]}""";

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        SensorReadingParser parser = new SensorReadingParser(16_384, Duration.ofMinutes(5), Duration.ofDays(7),
                Clock.systemUTC());
        return new SensorReadingRoutes(new DeviceTopic("atalaya/sensors/+/readings"), parser,
                "atalaya-city-sensors", 1);
    }

    private MockEndpoint adviseToMocks() throws Exception {
        AdviceWith.adviceWith(context, SensorReadingRoutes.ROUTE_ID, route -> {
            route.replaceFromWith("direct:published");
            route.weaveById("to-inbound").replace().to("mock:inbound");
        });
        context.start();
        return getMockEndpoint("mock:inbound");
    }

    @Test
    void consumesTheSensorTopicsFromADurableSharedSubscriptionInATransaction() {
        String uri = context.getRouteDefinition(SensorReadingRoutes.ROUTE_ID).getInput().getEndpointUri();
        assertThat(uri).startsWith("jms-batch:topic:atalaya.sensors.*.readings?").contains("subscription=atalaya-city-sensors");
    }

    @Test
    void sendsTheCanonicalReadingWithItsIdAsDuplicateId() throws Exception {
        MockEndpoint inbound = adviseToMocks();
        inbound.expectedMessageCount(1);
        inbound.expectedHeaderReceived(EventHeaders.DUPLICATE_ID, "en-port-42");
        inbound.expectedHeaderReceived(EventHeaders.EVENT_ID, "en-port-42");
        inbound.expectedHeaderReceived(SensorReadingRoutes.KIND_HEADER, "ENERGY");

        template.sendBodyAndHeader("direct:published", reading(), "JMSDestination", "atalaya.sensors.en-port.readings");

        inbound.assertIsSatisfied();
        String body = inbound.getExchanges().get(0).getIn().getBody(String.class);
        assertThat(body).contains("\"id\":\"en-port-42\"", "\"kind\":\"ENERGY\"", "\"quantity\":\"active_power\"")
                .containsPattern("\"observedAt\":\"\\d{4}-\\d\\d-\\d\\dT");
    }

    @Test
    void dropsEveryPropertyTheDeviceSet() throws Exception {
        MockEndpoint inbound = adviseToMocks();
        inbound.expectedMessageCount(1);

        template.sendBodyAndHeaders("direct:published", reading(), Map.of(
                "JMSDestination", "atalaya.sensors.en-port.readings",
                "CamelJmsDestinationName", "atalaya.alerts",
                "AtalayaFailureReason", "forged"));

        inbound.assertIsSatisfied();
        assertThat(inbound.getExchanges().get(0).getIn().getHeaders())
                .doesNotContainKeys("CamelJmsDestinationName", "AtalayaFailureReason", "JMSDestination");
    }

    @Test
    void rejectsAReadingPublishedOnAnotherSensorsTopic() throws Exception {
        MockEndpoint inbound = adviseToMocks();
        inbound.expectedMessageCount(0);

        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:published", reading(), "JMSDestination",
                "atalaya.sensors.wx-hacho.readings"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(RejectedEvent.class)
                .hasMessageContaining("does not match the topic's sensor 'wx-hacho'");

        inbound.assertIsSatisfied();
    }

    private static byte[] reading() {
        return READING.formatted(Instant.now().minusSeconds(30)).getBytes(StandardCharsets.UTF_8);
    }
}
