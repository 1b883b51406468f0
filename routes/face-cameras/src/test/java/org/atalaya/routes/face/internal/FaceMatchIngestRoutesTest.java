package org.atalaya.routes.face.internal;

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

class FaceMatchIngestRoutesTest extends CamelTestSupport {

    private static final String MATCH = """
            {"id":"puerto-1-000042","cameraId":"puerto-1","capturedAt":"%s","watchlistEntryId":"wl-interpol-7731",
             "similarity":0.93,"imageRef":"https://vms.ceuta.example/puerto-1/000042.jpg"}""";
    private static final String TOPIC = "atalaya.face.puerto-1.matches";

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        FaceMatchParser parser = new FaceMatchParser(65_536, Duration.ofMinutes(5), Duration.ofMinutes(10),
                Clock.systemUTC());
        return new FaceMatchIngestRoutes(new DeviceTopic("atalaya/face/+/matches"), parser, "atalaya-face-cameras", 1);
    }

    private MockEndpoint adviseToMocks() throws Exception {
        AdviceWith.adviceWith(context, FaceMatchIngestRoutes.ROUTE_ID, route -> {
            route.replaceFromWith("direct:published");
            route.weaveById("to-inbound").replace().to("mock:inbound");
        });
        context.start();
        return getMockEndpoint("mock:inbound");
    }

    @Test
    void consumesTheFaceTopicsFromADurableSharedSubscriptionInATransaction() {
        String uri = context.getRouteDefinition(FaceMatchIngestRoutes.ROUTE_ID).getInput().getEndpointUri();
        assertThat(uri).startsWith("jms-batch:topic:atalaya.face.*.matches?").contains("subscription=atalaya-face-cameras");
        assertThat(context.getRouteDefinition(FaceMatchIngestRoutes.ROUTE_ID).toString())
                .contains("jms:queue:atalaya.in.face");
    }

    @Test
    void sendsTheCanonicalMatchWithItsIdAsDuplicateIdAndNoPersonalDataInHeaders() throws Exception {
        MockEndpoint inbound = adviseToMocks();
        inbound.expectedMessageCount(1);
        inbound.expectedHeaderReceived(EventHeaders.DUPLICATE_ID, "puerto-1-000042");
        inbound.expectedHeaderReceived(EventHeaders.EVENT_ID, "puerto-1-000042");
        inbound.expectedHeaderReceived(EventHeaders.CAMERA, "puerto-1");

        template.sendBodyAndHeaders("direct:published", match(), Map.of("JMSDestination", TOPIC,
                "AtalayaFailureReason", "forged", "CamelJmsDestinationName", "atalaya.alerts"));

        inbound.assertIsSatisfied();
        Map<String, Object> headers = inbound.getExchanges().get(0).getIn().getHeaders();
        assertThat(headers).doesNotContainKeys("AtalayaFailureReason", "CamelJmsDestinationName", "JMSDestination");
        assertThat(headers.values()).noneMatch(value -> String.valueOf(value).contains("wl-interpol"));
        String body = inbound.getExchanges().get(0).getIn().getBody(String.class);
        assertThat(body).contains("\"id\":\"puerto-1-000042\"", "\"watchlistEntryId\":\"wl-interpol-7731\"",
                "\"similarity\":0.93", "\"imageRef\":\"https://vms.ceuta.example/puerto-1/000042.jpg\"")
                .containsPattern("\"capturedAt\":\"\\d{4}-\\d\\d-\\d\\dT");
    }

    @Test
    void sendsEachMatchOfABatch() throws Exception {
        MockEndpoint inbound = adviseToMocks();
        inbound.expectedMessageCount(2);
        String second = new String(match(), StandardCharsets.UTF_8).replace("000042", "000043");

        template.sendBodyAndHeader("direct:published", "[" + new String(match(), StandardCharsets.UTF_8) + ","
                + second + "]", "JMSDestination", TOPIC);

        inbound.assertIsSatisfied();
        assertThat(inbound.getExchanges()).extracting(exchange -> exchange.getIn().getHeader(EventHeaders.EVENT_ID))
                .containsExactly("puerto-1-000042", "puerto-1-000043");
    }

    @Test
    void rejectsAMatchPublishedOnAnotherCamerasTopicSoItGoesToTheDeadLetters() throws Exception {
        MockEndpoint inbound = adviseToMocks();
        inbound.expectedMessageCount(0);

        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:published", match(), "JMSDestination",
                "atalaya.face.tarajal-2.matches"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(RejectedEvent.class)
                .hasMessageContaining("does not match the topic's camera 'tarajal-2'");

        inbound.assertIsSatisfied();
    }

    private static byte[] match() {
        return MATCH.formatted(Instant.now().minusSeconds(5)).getBytes(StandardCharsets.UTF_8);
    }
}
