package org.atalaya.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.inject.Inject;

import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.audit.AuditQuery;
import org.atalaya.api.audit.AuditRecord;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.AccessPolicy;
import org.atalaya.api.security.Agency;
import org.atalaya.api.security.DataClass;
import org.junit.Test;

/**
 * Every REST endpoint and SOAP operation, called by every agency and device family, without
 * credentials and with wrong ones: each call is answered exactly as the policy grants, and each
 * lands in the audit log with its outcome.
 */
public class AccessMatrixIT extends AtalayaTestSupport {

    /** An endpoint, what it does with which data, and a request that reaches its resource. */
    private record Endpoint(String method, String path, DataClass data, Access access, String contentType,
            String body) {

        boolean stream() {
            return path.endsWith("/stream");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final String NOTHING = "no-such-id-4711";

    /** Every endpoint the distribution serves. */
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/anpr/reads", DataClass.PLATE_READS, Access.WRITE, "application/json", "{}"),
            new Endpoint("GET", "/alerts", DataClass.HITS, Access.READ, null, null),
            new Endpoint("GET", "/alerts/stream", DataClass.HITS, Access.READ, null, null),
            new Endpoint("POST", "/alerts/" + NOTHING + "/ack", DataClass.HITS, Access.WRITE, null, null),
            new Endpoint("GET", "/hotlist", DataClass.HOTLIST, Access.READ, null, null),
            new Endpoint("GET", "/hotlist/987654321", DataClass.HOTLIST, Access.READ, null, null),
            new Endpoint("POST", "/hotlist", DataClass.HOTLIST, Access.WRITE, "application/json", "{}"),
            new Endpoint("PUT", "/hotlist/987654321", DataClass.HOTLIST, Access.WRITE, "application/json", "{}"),
            new Endpoint("DELETE", "/hotlist/987654321", DataClass.HOTLIST, Access.WRITE, null, null),
            new Endpoint("POST", "/hotlist/import", DataClass.HOTLIST, Access.WRITE, "text/csv", "plate\n"),
            new Endpoint("GET", "/plates/1234BCD/check", DataClass.HOTLIST, Access.READ, null, null),
            new Endpoint("GET", "/cameras", DataClass.DEVICES, Access.READ, null, null),
            new Endpoint("GET", "/cameras/" + NOTHING, DataClass.DEVICES, Access.READ, null, null),
            new Endpoint("PUT", "/cameras/" + NOTHING, DataClass.DEVICES, Access.WRITE, "application/json", "{}"),
            new Endpoint("DELETE", "/cameras/" + NOTHING, DataClass.DEVICES, Access.WRITE, null, null),
            new Endpoint("POST", "/face/matches", DataClass.FACE_MATCHES, Access.WRITE, "application/json", "{}"),
            new Endpoint("GET", "/face/matches", DataClass.FACE_MATCHES, Access.READ, null, null),
            new Endpoint("GET", "/face/matches/" + NOTHING, DataClass.FACE_MATCHES, Access.READ, null, null),
            new Endpoint("POST", "/face/matches/" + NOTHING + "/confirm", DataClass.FACE_MATCHES, Access.WRITE, null,
                    null),
            new Endpoint("GET", "/face/authorisations", DataClass.FACE_MATCHES, Access.READ, null, null),
            new Endpoint("POST", "/face/authorisations", DataClass.FACE_MATCHES, Access.WRITE, "application/json",
                    "{}"),
            new Endpoint("POST", "/face/authorisations/" + NOTHING + "/grant", DataClass.FACE_MATCHES, Access.WRITE,
                    null, null),
            new Endpoint("POST", "/face/authorisations/" + NOTHING + "/refuse", DataClass.FACE_MATCHES,
                    Access.WRITE, null, null),
            new Endpoint("GET", "/audit/records", DataClass.AUDIT, Access.READ, null, null),
            new Endpoint("GET", "/audit/verify", DataClass.AUDIT, Access.READ, null, null),
            new Endpoint("GET", "/audit/seals", DataClass.AUDIT, Access.READ, null, null),
            new Endpoint("GET", "/audit/public-key", DataClass.AUDIT, Access.READ, null, null),
            new Endpoint("GET", "/audit/export", DataClass.AUDIT, Access.READ, null, null));

    /**
     * The policy as SECURITY.md states it: for each agency, what it may read (r) and write (w).
     * The shipped etc/org.atalaya.agency-*.cfg must say exactly this; a widened grant fails here.
     */
    private static final Map<String, String> DOCUMENTED = new TreeMap<>(Map.ofEntries(
            Map.entry("local-police", "hits:rw hotlist:rw plate-reads:r devices:r sensors:r fire:r"),
            Map.entry("national-police", "hits:rw hotlist:rw plate-reads:r face-matches:rw devices:r sensors:r fire:r"),
            Map.entry("interior-ministry", "hits:r hotlist:rw"),
            Map.entry("justice", "evidence:rw face-matches:rw plate-reads:r hits:r"),
            Map.entry("fire-service", "fire:r sensors:r devices:r"),
            Map.entry("ume", "fire:r sensors:r devices:r"),
            Map.entry("city-operations", "sensors:r fire:r devices:rw"),
            Map.entry("data-protection-officer", "audit:r"),
            Map.entry("admin", "devices:rw sensors:r fire:r hotlist:rw hits:r"),
            Map.entry("anpr-cameras", "plate-reads:w"),
            Map.entry("face-cameras", "face-matches:w"),
            Map.entry("city-sensors", "sensors:w fire:w")));

    @Inject
    private AccessPolicy policy;

    @Inject
    private AuditLog audit;

    /** Audit records older than this are not searched again. */
    private Instant since = Instant.now().minusSeconds(3600);

    @Test
    public void theShippedPolicyIsTheDocumentedOne() {
        Map<String, String> shipped = new TreeMap<>();
        for (Agency agency : policy.agencies()) {
            shipped.put(agency.name(), grants(agency));
        }
        Map<String, String> documented = new TreeMap<>();
        DOCUMENTED.forEach((agency, grants) -> documented.put(agency, normalised(grants)));
        assertEquals(documented, shipped);
    }

    @Test
    public void everyEndpointAnswersEveryCallerAsThePolicySaysAndAuditsTheCall() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String account : ACCOUNTS.keySet()) {
                String agency = agencyOf(account);
                Agency granted = policy.agency(agency).orElseThrow();
                boolean allowed = granted.may(endpoint.data(), endpoint.access());
                String purpose = granted.purposes().stream().sorted().findFirst().orElse(null);
                int status = call(endpoint, account, password(account), purpose, "IT-CASE-2026-001");
                if (allowed == (status == 401 || status == 403 || status == 503)) {
                    wrong.add(endpoint + " as " + account + ": " + status + (allowed ? " (granted)" : " (not granted)"));
                }
                expectAudited(endpoint, account, allowed ? null : "denied 403", wrong);
            }
            int none = call(endpoint, null, null, Rest.PURPOSE, null);
            if (none != 401) {
                wrong.add(endpoint + " without credentials: " + none);
            }
            expectAudited(endpoint, null, "denied 401", wrong);
            int forged = call(endpoint, LOCAL_POLICE, "not-" + LOCAL_POLICE_PASSWORD, Rest.PURPOSE, null);
            if (forged != 401) {
                wrong.add(endpoint + " with a wrong password: " + forged);
            }
            expectAudited(endpoint, LOCAL_POLICE, "denied 401", wrong);
        }
        assertTrue(String.join("\n", wrong), wrong.isEmpty());
    }

    /** A SOAP operation of the consultation service, what it reads, and a request body for it. */
    private record SoapOperation(String name, DataClass data, String body) {
    }

    /** Every SOAP operation the distribution serves. */
    private static final List<SoapOperation> SOAP_OPERATIONS = List.of(
            new SoapOperation("CheckPlate", DataClass.HOTLIST, "<plate>1234BCD</plate>"),
            new SoapOperation("FindAlerts", DataClass.HITS, "<limit>10</limit>"));

    @Test
    public void everySoapOperationAnswersEveryCallerAsThePolicySaysAndAuditsTheCall() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (SoapOperation operation : SOAP_OPERATIONS) {
            String action = "SOAP /soap/consultation " + operation.name();
            for (String account : ACCOUNTS.keySet()) {
                Agency granted = policy.agency(agencyOf(account)).orElseThrow();
                boolean allowed = granted.may(operation.data(), Access.READ);
                String purpose = granted.purposes().stream().sorted().findFirst().orElse(null);
                HttpResponse<String> answer = soap(operation, account, password(account), purpose, "IT-CASE-2026-001");
                boolean denied = answer.statusCode() == 500 && answer.body().contains("AccessDenied");
                if (allowed == denied) {
                    wrong.add(action + " as " + account + ": " + answer.statusCode() + " "
                            + (allowed ? "(granted) " : "(not granted) ") + answer.body());
                }
                expectAudited(action, account, allowed ? null : "denied AccessDenied", wrong);
            }
            HttpResponse<String> none = Soap.call(null, null, operationBody(operation, Rest.PURPOSE, null));
            if (none.statusCode() != 500 || !none.body().contains("InvalidSecurity")) {
                wrong.add(action + " without credentials: " + none.statusCode() + " " + none.body());
            }
            expectAudited(action, null, "denied InvalidSecurity", wrong);
            HttpResponse<String> forged = soap(operation, LOCAL_POLICE, "not-" + LOCAL_POLICE_PASSWORD, Rest.PURPOSE,
                    null);
            if (forged.statusCode() != 500 || !forged.body().contains("FailedAuthentication")) {
                wrong.add(action + " with a wrong password: " + forged.statusCode() + " " + forged.body());
            }
            expectAudited(action, LOCAL_POLICE, "denied FailedAuthentication", wrong);
        }
        assertTrue(String.join("\n", wrong), wrong.isEmpty());
    }

    @Test
    public void aSoapConsultationWithoutPurposeOrCaseIsRefused() throws Exception {
        SoapOperation check = SOAP_OPERATIONS.get(0);
        HttpResponse<String> noPurpose = soap(check, "interior-ministry", password("interior-ministry"), null, null);
        assertTrue(noPurpose.body(), noPurpose.statusCode() == 500 && noPurpose.body().contains("PurposeRequired"));
        HttpResponse<String> noCase = soap(check, "interior-ministry", password("interior-ministry"),
                "investigation", null);
        assertTrue(noCase.body(), noCase.statusCode() == 500 && noCase.body().contains("PurposeRequired"));
        HttpResponse<String> answered = soap(check, "interior-ministry", password("interior-ministry"),
                "investigation", "DGP-2026-0077");
        assertEquals(answered.body(), 200, answered.statusCode());
        AuditRecord last = latest("interior-ministry", "SOAP /soap/consultation CheckPlate").orElseThrow();
        assertEquals("allowed", last.entry().outcome());
        assertEquals("DGP-2026-0077", last.entry().caseReference());
        assertEquals(List.of("1234BCD"), last.entry().subjects());
        assertEquals(List.of("interior-ministry"), last.entry().recipients());
    }

    private static HttpResponse<String> soap(SoapOperation operation, String user, String password, String purpose,
            String caseReference) throws Exception {
        return Soap.call(user, password, operationBody(operation, purpose, caseReference));
    }

    private static String operationBody(SoapOperation operation, String purpose, String caseReference) {
        return "<c:" + operation.name() + " xmlns:c=\"" + Soap.NAMESPACE + "\">" + operation.body()
                + (purpose == null ? "" : "<purpose>" + purpose + "</purpose>")
                + (caseReference == null ? "" : "<caseReference>" + caseReference + "</caseReference>")
                + "</c:" + operation.name() + ">";
    }

    @Test
    public void aConsultationOfPersonalDataWithoutPurposeOrCaseIsRefused() throws Exception {
        assertEquals(400, call(endpoint("GET", "/alerts"), LOCAL_POLICE, LOCAL_POLICE_PASSWORD, null, null));
        assertEquals(403, call(endpoint("GET", "/alerts"), LOCAL_POLICE, LOCAL_POLICE_PASSWORD, "curiosity", null));
        assertEquals(400, call(endpoint("GET", "/alerts"), LOCAL_POLICE, LOCAL_POLICE_PASSWORD, "investigation", null));
        assertEquals(200, call(endpoint("GET", "/alerts"), LOCAL_POLICE, LOCAL_POLICE_PASSWORD, "investigation",
                "DP-CEUTA-2026-118"));
        AuditRecord last = latest(LOCAL_POLICE, "GET /api/v1/alerts").orElseThrow();
        assertEquals("investigation", last.entry().purpose());
        assertEquals("DP-CEUTA-2026-118", last.entry().caseReference());
        assertEquals("allowed 200", last.entry().outcome());
        assertEquals(List.of(LOCAL_POLICE), last.entry().recipients());
        // data that is not personal needs no purpose
        assertEquals(200, call(endpoint("GET", "/cameras"), LOCAL_POLICE, LOCAL_POLICE_PASSWORD, null, null));
    }

    @Test
    public void noShippedOrEmptyPasswordOpensAnyEndpoint() throws Exception {
        for (String[] credentials : new String[][] {{"karaf", "karaf"}, {"admin", "admin"}, {"admin", ""},
            {LOCAL_POLICE, ""}, {"karaf", ""}, {"tadmin", "tadmin"}}) {
            for (Endpoint endpoint : ENDPOINTS) {
                assertEquals(endpoint + " as " + credentials[0] + "/" + credentials[1], 401,
                        call(endpoint, credentials[0], credentials[1], Rest.PURPOSE, null));
            }
        }
    }

    private static Endpoint endpoint(String method, String path) {
        return ENDPOINTS.stream().filter(e -> e.method().equals(method) && e.path().equals(path)).findFirst()
                .orElseThrow();
    }

    /** The agency each test account acts for: its own name, but for the two officers. */
    private static String agencyOf(String account) {
        return account.equals(NATIONAL_OFFICER_A) || account.equals(NATIONAL_OFFICER_B) ? NATIONAL_POLICE : account;
    }

    /** The status of one call; a stream is closed as soon as its status is known. */
    private static int call(Endpoint endpoint, String user, String password, String purpose, String caseReference)
            throws Exception {
        if (!endpoint.stream()) {
            return Rest.call(endpoint.method(), endpoint.path(), user, password, purpose, caseReference,
                    endpoint.contentType(), endpoint.body()).statusCode();
        }
        HttpRequest.Builder request = Rest.request(URI.create(Rest.url(endpoint.path())))
                .header("Accept", "text/event-stream");
        if (user != null) {
            request.header("Authorization", Rest.basic(user, password));
        }
        if (purpose != null) {
            request.header("X-Purpose", purpose);
        }
        if (caseReference != null) {
            request.header("X-Case-Reference", caseReference);
        }
        HttpResponse<java.io.InputStream> response = Rest.client().send(request.GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    /**
     * The call just made is the newest audit record with its action and person; refusals carry
     * their outcome, allowed calls any outcome but a refusal (a stream is recorded when it opens).
     */
    private void expectAudited(Endpoint endpoint, String person, String refusal, List<String> wrong) {
        expectAudited(endpoint.method() + " /api/v1" + endpoint.path(), person, refusal, wrong);
    }

    private void expectAudited(String action, String person, String refusal, List<String> wrong) {
        Optional<AuditRecord> record = latest(person, action);
        if (record.isEmpty()) {
            wrong.add(action + " as " + person + ": not audited");
            return;
        }
        String outcome = record.get().entry().outcome();
        if (refusal != null ? !outcome.equals(refusal) : outcome.startsWith("denied")) {
            wrong.add(action + " as " + person + ": audited as " + outcome);
        }
    }

    /** The newest record of this action by this person (or by no one), if any. */
    private Optional<AuditRecord> latest(String person, String action) {
        long after = 0;
        AuditRecord newest = null;
        while (true) {
            List<AuditRecord> page = audit.search(new AuditQuery(null, person, null, null, null, null, null, since,
                    null, after, 1000));
            for (AuditRecord record : page) {
                if (record.entry().action().equals(action) && (person != null || record.entry().person() == null)) {
                    newest = record;
                }
            }
            if (page.size() < 1000) {
                break;
            }
            after = page.get(page.size() - 1).sequence();
        }
        if (newest != null) {
            // later lookups need only what follows this call
            since = newest.entry().at().minusSeconds(5);
        }
        return Optional.ofNullable(newest);
    }

    private static String grants(Agency agency) {
        StringBuilder grants = new StringBuilder();
        for (DataClass data : DataClass.values()) {
            String access = (agency.may(data, Access.READ) ? "r" : "") + (agency.may(data, Access.WRITE) ? "w" : "");
            if (!access.isEmpty()) {
                grants.append(data.id()).append(':').append(access).append(' ');
            }
        }
        return grants.toString().trim();
    }

    private static String normalised(String grants) {
        Map<DataClass, String> byClass = new EnumMap<>(DataClass.class);
        for (String grant : grants.split(" ")) {
            String[] parts = grant.split(":");
            byClass.put(DataClass.of(parts[0]), parts[1]);
        }
        StringBuilder out = new StringBuilder();
        byClass.forEach((data, access) -> out.append(data.id()).append(':').append(access).append(' '));
        assertFalse(out.toString(), out.toString().isBlank());
        return out.toString().trim();
    }
}
