package org.atalaya.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.audit.AuditQuery;
import org.atalaya.api.audit.AuditRecord;
import org.junit.Test;

/**
 * The biometric guard in the distribution, driven as a face camera, the National Police and
 * the judiciary would drive it over REST: nothing is delivered without an authorisation, an
 * urgent request delivers pending verification, two different officers make a match
 * actionable, and a refusal purges what was delivered and says so in the audit log.
 */
public class FaceGuardIT extends AtalayaTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POLICE_PURPOSE = "investigation";
    private static final String POLICE_CASE = "DP-CEUTA-2026-118";
    private static final String JUSTICE_PURPOSE = "judicial-authorisation";
    private static final String JUSTICE_CASE = "JI-3-CEUTA-2026-0412";

    @Inject
    private AuditLog audit;

    @Test
    public void aMatchWithoutAuthorisationIsNeverDelivered() throws Exception {
        String camera = "face-it-" + uniqueId("cam").substring(4, 12);
        String unauthorised = uniqueId("unauthorised");
        assertEquals(202, postMatch(unauthorised, camera, uniqueId("wl-unlisted")).statusCode());
        // a match the police may see, sent after it on the same single-consumer queue: once it
        // is delivered, the first one has been decided too
        String fenceEntry = uniqueId("wl-fence");
        requestUrgent(fenceEntry, camera);
        String fence = uniqueId("fence");
        postMatch(fence, camera, fenceEntry);
        awaitCondition("the fence match is delivered", () -> policeSees(NATIONAL_OFFICER_A, fence));

        assertEquals(404, getMatch(NATIONAL_OFFICER_A, unauthorised).statusCode());
        JsonNode listed = JSON.readTree(call("GET", "/face/matches?limit=500", NATIONAL_OFFICER_A, POLICE_PURPOSE,
                POLICE_CASE, null).body());
        for (JsonNode match : listed.path("matches")) {
            assertFalse(match.toString(), match.toString().contains(unauthorised));
        }
    }

    @Test
    public void anUrgentMatchNeedsTwoDifferentOfficersAndARefusalPurgesItWithAnAuditRecord() throws Exception {
        String camera = "face-it-" + uniqueId("cam").substring(4, 12);
        String entry = uniqueId("wl-interpol");
        String authorisation = requestUrgent(entry, camera);
        String match = uniqueId("urgent");
        assertEquals(202, postMatch(match, camera, entry).statusCode());
        awaitCondition("the urgent match is delivered", () -> policeSees(NATIONAL_OFFICER_A, match));
        assertEquals("PENDING_VERIFICATION", state(getMatch(NATIONAL_OFFICER_A, match)));

        HttpResponse<String> first = confirm(NATIONAL_OFFICER_A, match);
        assertEquals(first.body(), 200, first.statusCode());
        assertEquals("one confirmation is not enough", "PENDING_VERIFICATION", state(first));
        assertEquals("the same officer cannot confirm twice", 409, confirm(NATIONAL_OFFICER_A, match).statusCode());
        assertEquals("PENDING_VERIFICATION", state(getMatch(NATIONAL_OFFICER_B, match)));
        HttpResponse<String> second = confirm(NATIONAL_OFFICER_B, match);
        assertEquals(second.body(), 200, second.statusCode());
        assertEquals("ACTIONABLE", state(second));
        // no one outside the National Police sees it, not even the judge
        assertEquals(404, getMatchAs(JUSTICE, JUSTICE_PURPOSE, JUSTICE_CASE, match).statusCode());

        Instant beforeRefusal = Instant.now().minusSeconds(1);
        HttpResponse<String> refused = call("POST", "/face/authorisations/" + authorisation + "/refuse", JUSTICE,
                null, null, null);
        assertEquals(refused.body(), 200, refused.statusCode());
        assertEquals(404, getMatch(NATIONAL_OFFICER_A, match).statusCode());
        assertEquals(404, getMatch(NATIONAL_OFFICER_B, match).statusCode());
        List<AuditRecord> purges = audit.search(new AuditQuery(null, null, "face-matches", match, null, null, null,
                beforeRefusal, null, 0, 100));
        assertTrue("the purge names the match: " + purges, purges.stream()
                .anyMatch(record -> record.entry().action().equals("face-match.purge")));
        // a match under the refused request arriving now is held, not delivered
        String late = uniqueId("late");
        postMatch(late, camera, entry);
        String fenceEntry = uniqueId("wl-fence");
        requestUrgent(fenceEntry, camera);
        String fence = uniqueId("fence");
        postMatch(fence, camera, fenceEntry);
        awaitCondition("the fence match is delivered", () -> policeSees(NATIONAL_OFFICER_A, fence));
        assertEquals(404, getMatch(NATIONAL_OFFICER_A, late).statusCode());
    }

    @Test
    public void onlyTheJudiciaryGrantsAndRefusesAndOnlyTheFaceCamerasReportMatches() throws Exception {
        String authorisation = requestUrgent(uniqueId("wl-x"), "face-it-rights");
        assertEquals(403, call("POST", "/face/authorisations/" + authorisation + "/grant", NATIONAL_OFFICER_A, null,
                null, null).statusCode());
        assertEquals(403, call("POST", "/face/matches", NATIONAL_OFFICER_A, null, null,
                matchJson(uniqueId("forged"), "face-it-rights", "wl-x")).statusCode());
        HttpResponse<String> granted = call("POST", "/face/authorisations/" + authorisation + "/grant", JUSTICE, null,
                null, "{\"judicialReference\":\"AUTO-78/2026\"}");
        assertEquals(granted.body(), 200, granted.statusCode());
        assertEquals("GRANTED", JSON.readTree(granted.body()).path("status").asText());
    }

    private String requestUrgent(String entry, String camera) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String body = """
                {"urgent":true,"judicialReference":"URG-%s","watchlistEntries":["%s"],"cameras":["%s"],
                 "validFrom":"%s","validUntil":"%s","offenceCategory":"imminent-threat-to-life"}"""
                .formatted(entry, entry, camera, now.minus(1, ChronoUnit.HOURS), now.plus(12, ChronoUnit.HOURS));
        HttpResponse<String> requested = call("POST", "/face/authorisations", NATIONAL_OFFICER_A, POLICE_PURPOSE,
                POLICE_CASE, body);
        assertEquals(requested.body(), 201, requested.statusCode());
        return JSON.readTree(requested.body()).path("id").asText();
    }

    private static HttpResponse<String> postMatch(String id, String camera, String entry) throws Exception {
        return call("POST", "/face/matches", FACE_CAMERAS, null, null, matchJson(id, camera, entry));
    }

    private static String matchJson(String id, String camera, String entry) {
        return """
                {"id":"%s","cameraId":"%s","capturedAt":"%s","watchlistEntryId":"%s","similarity":0.93,
                 "imageRef":"https://vms.ceuta.example/%s/%s.jpg"}"""
                .formatted(id, camera, Instant.now().minusSeconds(2), entry, camera, id);
    }

    private static boolean policeSees(String officer, String match) {
        try {
            return getMatch(officer, match).statusCode() == 200;
        } catch (Exception unreachable) {
            throw new AssertionError(unreachable);
        }
    }

    private static HttpResponse<String> getMatch(String officer, String match) throws Exception {
        return getMatchAs(officer, POLICE_PURPOSE, POLICE_CASE, match);
    }

    private static HttpResponse<String> getMatchAs(String account, String purpose, String caseReference, String match)
            throws Exception {
        return Rest.call("GET", "/face/matches/" + match, account, password(account), purpose, caseReference, null,
                null);
    }

    private static HttpResponse<String> confirm(String officer, String match) throws Exception {
        return call("POST", "/face/matches/" + match + "/confirm", officer, null, null, null);
    }

    private static String state(HttpResponse<String> response) throws Exception {
        assertEquals(response.body(), 200, response.statusCode());
        return JSON.readTree(response.body()).path("state").asText();
    }

    private static HttpResponse<String> call(String method, String path, String account, String purpose,
            String caseReference, String body) throws Exception {
        return Rest.call(method, path, account, password(account), purpose, caseReference,
                body == null ? null : "application/json", body);
    }
}
