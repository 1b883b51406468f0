package org.atalaya.routes.face.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.routes.face.internal.FaceMatchesResourceTest.consultation;
import static org.atalaya.routes.face.internal.FaceMatchesResourceTest.json;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import org.atalaya.api.audit.RecordingAuditLog;
import org.atalaya.api.face.BiometricGuard;
import org.atalaya.api.face.FaceMatch;
import org.atalaya.api.face.Intake;
import org.atalaya.api.face.MatchQuery;
import org.atalaya.biometricguard.internal.HubBiometricGuard;
import org.atalaya.security.rest.Consultation;
import org.atalaya.security.rest.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The authorisation endpoints against the hub's own guard. */
class AuthorisationsResourceTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String ORDER = """
            {"judicialReference":"JI-3-CEUTA-2026-0412","watchlistEntries":["wl-interpol-7731"],
             "cameras":["puerto-1","tarajal-2"],"validFrom":"%s","validUntil":"%s","offenceCategory":"terrorism"%s}""";

    private final RecordingAuditLog audit = new RecordingAuditLog();
    private BiometricGuard guard;
    private Consultation call;
    private AuthorisationsResource resource;

    @BeforeEach
    void publish() throws Exception {
        guard = HubBiometricGuard.onH2(Clock.systemUTC(), audit);
        resource = new AuthorisationsResource(guard, () -> call);
    }

    @Test
    void justiceRegistersAGrantedOrderAndBothPartiesSeeIt() throws Exception {
        call = consultation("juez-3", "justice");

        Response created = resource.create(order(""));

        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode authorisation = json(created);
        assertThat(authorisation.get("status").asText()).isEqualTo("GRANTED");
        assertThat(authorisation.get("cameras").toString()).isEqualTo("[\"puerto-1\",\"tarajal-2\"]");
        assertThat(created.getLocation().toString()).endsWith("authorisations/" + authorisation.get("id").asText());
        assertThat(call.subjects()).containsExactly(authorisation.get("id").asText());

        call = consultation("agente-0417", "national-police");
        assertThat(json(resource.list(null)).get("authorisations")).hasSize(1);
        assertThat(json(resource.list("requested-urgent")).get("authorisations")).isEmpty();
        assertThat(json(resource.get(authorisation.get("id").asText())).get("judicialReference").asText())
                .isEqualTo("JI-3-CEUTA-2026-0412");
    }

    @Test
    void thePoliceRequestInUrgencyAndJusticeRefusesWhichPurgesWhatWasDelivered() throws Exception {
        call = consultation("agente-0417", "national-police");
        JsonNode urgent = json(resource.create(order(",\"urgent\":true")));
        String id = urgent.get("id").asText();
        assertThat(urgent.get("status").asText()).isEqualTo("REQUESTED_URGENT");
        assertThat(urgent.get("decisionDue").asText()).isNotEmpty();
        FaceMatch match = new FaceMatch("m-1", "puerto-1", NOW.plusSeconds(1), "wl-interpol-7731", 0.93,
                "https://vms.ceuta.example/puerto-1/m-1.jpg");
        assertThat(guard.accept(match)).isEqualTo(Intake.DELIVERED);

        assertStatus(() -> resource.refuse(id), 403);
        assertStatus(() -> resource.grant(id, new byte[0]), 403);

        call = consultation("juez-3", "justice");
        JsonNode refused = json(resource.refuse(id));

        assertThat(refused.get("status").asText()).isEqualTo("REFUSED");
        assertThat(refused.get("decidedBy").asText()).isEqualTo("juez-3");
        assertThat(guard.matches("national-police", new MatchQuery(null, null, 0, 10))).isEmpty();
        assertStatus(() -> resource.refuse(id), 409);
    }

    @Test
    void justiceGrantsAnUrgentRequestWithTheCourtOrdersNumber() throws Exception {
        call = consultation("agente-0417", "national-police");
        String id = json(resource.create(order(",\"urgent\":true"))).get("id").asText();

        call = consultation("juez-3", "justice");
        JsonNode granted = json(resource.grant(id, bytes("{\"judicialReference\":\"AUTO-77/2026\"}")));

        assertThat(granted.get("status").asText()).isEqualTo("GRANTED");
        assertThat(granted.get("judicialReference").asText()).isEqualTo("AUTO-77/2026");
        assertStatus(() -> resource.grant("no-such-authorisation", new byte[0]), 404);
    }

    @Test
    void eachPartyDoesOnlyItsOwnPart() {
        call = consultation("agente-0417", "national-police");
        assertStatus(() -> resource.create(order("")), 403);
        call = consultation("juez-3", "justice");
        assertStatus(() -> resource.create(order(",\"urgent\":true")), 403);
        call = consultation("agente-local-12", "local-police");
        assertStatus(() -> resource.list(null), 403);
        assertStatus(() -> resource.create(order(",\"urgent\":true")), 403);
    }

    @Test
    void refusesARequestThatIsNotOneWithAProblemSayingWhy() {
        call = consultation("juez-3", "justice");

        assertProblem(() -> resource.create(bytes("not json")), "the body is not valid JSON");
        assertProblem(() -> resource.create(new byte[0]), "the body must be a JSON object");
        assertProblem(() -> resource.create(order(",\"urgent\":\"yes\"")), "urgent must be true or false");
        assertProblem(() -> resource.create(bytes(new String(order(""), StandardCharsets.UTF_8)
                .replace("[\"wl-interpol-7731\"]", "[]"))), "no blanket authorisation");
        assertProblem(() -> resource.create(bytes(new String(order(""), StandardCharsets.UTF_8)
                .replace("\"cameras\"", "\"camaras\""))), "cameras must be an array of strings");
        assertProblem(() -> resource.create(bytes(new String(order(""), StandardCharsets.UTF_8)
                .replace(NOW.plusSeconds(7200).toString(), "mañana"))), "validUntil 'mañana' is not an ISO-8601");
        assertProblem(() -> resource.create(bytes(new String(order(""), StandardCharsets.UTF_8)
                .replace("terrorism", "Terror!"))), "offenceCategory must be");
        assertProblem(() -> resource.list("pending"), "status 'pending' is not");
    }

    @Test
    void refusesTextThatIsNotUtf8OrHasControlCharacters() {
        call = consultation("juez-3", "justice");
        String order = new String(order(""), StandardCharsets.UTF_8);
        int at = order.indexOf("JI-3");
        java.io.ByteArrayOutputStream overlong = new java.io.ByteArrayOutputStream();
        overlong.writeBytes(bytes(order.substring(0, at)));
        overlong.writeBytes(new byte[] {(byte) 0xC1, (byte) 0x81});
        overlong.writeBytes(bytes(order.substring(at)));

        assertProblem(() -> resource.create(overlong.toByteArray()), "the body is not valid JSON: not UTF-8 at byte");
        assertProblem(() -> resource.create(bytes(order.replace("JI-3", "JI-\\u0000-3"))),
                "judicialReference must not contain control characters");
        assertProblem(() -> resource.create(bytes(order.replace("puerto-1", "puerto-1\\u0000"))),
                "cameras must be an array of strings without control characters");
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static void assertStatus(Call attempt, int status) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(Problem.class,
                problem -> assertThat(problem.getResponse().getStatus()).isEqualTo(status));
    }

    private static void assertProblem(Call attempt, String detail) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(Problem.class, problem -> {
            assertThat(problem.getResponse().getStatus()).isEqualTo(400);
            assertThat(problem.getMessage()).contains(detail);
        });
    }

    private static byte[] order(String more) {
        return bytes(ORDER.formatted(NOW, NOW.plusSeconds(7200), more));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
