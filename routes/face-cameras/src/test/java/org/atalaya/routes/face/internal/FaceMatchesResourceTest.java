package org.atalaya.routes.face.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Message;
import org.apache.camel.component.mock.MockComponent;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.atalaya.api.audit.RecordingAuditLog;
import org.atalaya.api.face.AuthorisationRequest;
import org.atalaya.api.face.BiometricGuard;
import org.atalaya.api.face.FaceMatch;
import org.atalaya.api.face.Official;
import org.atalaya.api.messaging.EventHeaders;
import org.atalaya.api.security.Caller;
import org.atalaya.biometricguard.internal.HubBiometricGuard;
import org.atalaya.runtime.CanonicalJson;
import org.atalaya.security.rest.Consultation;
import org.atalaya.security.rest.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The face-match endpoints against the hub's own guard; the broker is a mock endpoint. */
class FaceMatchesResourceTest extends CamelTestSupport {

    private static final String MATCH = """
            {"id":"%s","cameraId":"puerto-1","capturedAt":"%s","watchlistEntryId":"wl-interpol-7731",
             "similarity":0.93,"imageRef":"https://vms.ceuta.example/puerto-1/%s.jpg"}""";

    private final RecordingAuditLog audit = new RecordingAuditLog();
    private BiometricGuard guard;
    private Consultation call;
    private FaceMatchesResource resource;

    @BeforeEach
    void publish() throws Exception {
        context.addComponent("jms-batch", new MockComponent());
        guard = HubBiometricGuard.onH2(Clock.systemUTC(), audit);
        FaceMatchParser parser = new FaceMatchParser(65_536, Duration.ofMinutes(5), Duration.ofMinutes(10),
                Clock.systemUTC());
        resource = new FaceMatchesResource(parser, template, guard, Set.of("face-cameras"), () -> call);
    }

    @Test
    void acceptsACamerasBatchOnlyOnceEachMatchIsOnTheInboundAddress() throws Exception {
        call = consultation("camara-puerto-1", "face-cameras");
        MockEndpoint inbound = getMockEndpoint("jms-batch:queue:atalaya.in.face");
        inbound.expectedMessageCount(1);

        Response response = resource.post(bytes("[" + match("m-1") + "," + match("m-2") + "]"));

        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(json(response).get("ids").toString()).isEqualTo("[\"m-1\",\"m-2\"]");
        inbound.assertIsSatisfied();
        // the whole post is one batch, one broker transaction
        List<?> batch = inbound.getExchanges().get(0).getIn().getBody(List.class);
        assertThat(batch).map(event -> ((Message) event).getHeader(EventHeaders.DUPLICATE_ID))
                .containsExactly("m-1", "m-2");
        assertThat(call.subjects()).containsExactly("m-1", "m-2");
    }

    @Test
    void refusesABadPayloadWholeWithAProblemSayingWhy() throws Exception {
        call = consultation("camara-puerto-1", "face-cameras");
        MockEndpoint inbound = getMockEndpoint("jms-batch:queue:atalaya.in.face");
        inbound.expectedMessageCount(0);

        assertThatThrownBy(() -> resource.post(bytes("[" + match("m-1") + "," + match("m-2").replace("0.93", "9")
                + "]"))).isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.getResponse().getStatus()).isEqualTo(400);
                    assertThat(problem.getMessage()).isEqualTo("[1].similarity 9.0 is not from 0 to 1");
                });
        inbound.assertIsSatisfied();
    }

    @Test
    void onlyACamerasAccountPostsMatches() throws Exception {
        MockEndpoint inbound = getMockEndpoint("jms-batch:queue:atalaya.in.face");
        inbound.expectedMessageCount(0);

        for (String agency : List.of("national-police", "justice")) {
            call = consultation("someone-of-" + agency, agency);
            assertStatus(() -> resource.post(bytes(match("m-1"))), 403);
        }
        inbound.assertIsSatisfied();
    }

    @Test
    void answers503WhenTheBrokerDoesNotTakeTheMatches() throws Exception {
        call = consultation("camara-puerto-1", "face-cameras");
        getMockEndpoint("jms-batch:queue:atalaya.in.face").whenAnyExchangeReceived(exchange -> {
            throw new IllegalStateException("broker away");
        });

        Response response = resource.post(bytes(match("m-1")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getEntity().toString()).contains("send them again");
    }

    @Test
    void theRecipientListsReadsAndConfirmsWhatTheGuardDelivered() throws Exception {
        FaceMatch delivered = deliveredMatch("m-1");
        call = consultation("agente-0417", "national-police");

        JsonNode list = json(resource.list(null, null, 0, 50));
        assertThat(list.get("matches")).hasSize(1);
        assertThat(list.get("confirmationsRequired").asInt()).isEqualTo(2);
        assertThat(list.get("matches").get(0).get("match").get("id").asText()).isEqualTo(delivered.id());
        assertThat(list.get("matches").get(0).get("state").asText()).isEqualTo("PENDING_VERIFICATION");
        assertThat(call.subjects()).containsExactly(delivered.id());

        JsonNode once = json(resource.confirm(delivered.id()));
        assertThat(once.get("state").asText()).isEqualTo("PENDING_VERIFICATION");
        assertThatThrownBy(() -> resource.confirm(delivered.id())).isInstanceOfSatisfying(Problem.class,
                problem -> assertThat(problem.getResponse().getStatus()).isEqualTo(409));

        call = consultation("agente-0932", "national-police");
        JsonNode twice = json(resource.confirm(delivered.id()));
        assertThat(twice.get("state").asText()).isEqualTo("ACTIONABLE");
        assertThat(json(resource.get(delivered.id())).get("confirmations")).hasSize(2);
        assertThat(json(resource.list("actionable", null, 0, 50)).get("matches")).hasSize(1);
        assertThat(json(resource.list("pending-verification", null, 0, 50)).get("matches")).isEmpty();
    }

    @Test
    void noOtherAgencySeesOrConfirmsAFaceMatch() throws Exception {
        FaceMatch delivered = deliveredMatch("m-1");
        call = consultation("juez-3", "justice");

        assertThat(json(resource.list(null, null, 0, 50)).get("matches")).isEmpty();
        assertThat(call.subjects()).isEmpty();
        assertStatus(() -> resource.get(delivered.id()), 404);
        assertStatus(() -> resource.confirm(delivered.id()), 404);
        assertThat(guard.match("national-police", delivered.id()).orElseThrow().confirmations()).isEmpty();
    }

    @Test
    void refusesFiltersItDoesNotKnowAndAnUnknownMatch() {
        call = consultation("agente-0417", "national-police");

        assertStatus(() -> resource.list("maybe", null, 0, 50), 400);
        assertStatus(() -> resource.list(null, "yesterday", 0, 50), 400);
        assertStatus(() -> resource.list(null, null, 0, 501), 400);
        assertStatus(() -> resource.get("no-such-match"), 404);
        assertStatus(() -> resource.confirm("no-such-match"), 404);
    }

    private FaceMatch deliveredMatch(String id) {
        Instant now = Instant.now();
        guard.register(new AuthorisationRequest("JI-3-2026-0412", List.of("wl-interpol-7731"), List.of("puerto-1"),
                now.minusSeconds(3600), now.plusSeconds(3600), "terrorism"), new Official("juez-3", "justice"));
        FaceMatch match = new FaceMatch(id, "puerto-1", now.minusSeconds(5), "wl-interpol-7731", 0.93,
                "https://vms.ceuta.example/puerto-1/" + id + ".jpg");
        guard.accept(match);
        return match;
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static void call(Call call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertStatus(Call attempt, int status) {
        assertThatThrownBy(() -> call(attempt)).isInstanceOfSatisfying(Problem.class,
                problem -> assertThat(problem.getResponse().getStatus()).isEqualTo(status));
    }

    static Consultation consultation(String person, String agency) {
        return new Consultation(new Caller(person, Set.of(agency), agency), "investigation", "DIL-2026-118",
                (consultation, action, subjects) -> { });
    }

    static JsonNode json(Response response) throws Exception {
        return CanonicalJson.mapper().readTree(response.getEntity().toString());
    }

    private static String match(String id) {
        return MATCH.formatted(id, Instant.now().minusSeconds(5), id);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
