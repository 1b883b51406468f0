package org.atalaya.security.soap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;

import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.RecordingAuditLog;
import org.atalaya.api.security.AccessPolicy;
import org.atalaya.security.internal.OwnBus;
import org.atalaya.security.internal.RealmLogin;
import org.atalaya.security.policy.internal.TestPolicies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A SOAP service behind the gate, called as an agency's system would: raw envelopes over HTTP to
 * CXF's servlet in Jetty, the hub's own access policy, and an audit log that records.
 */
class SoapEndpointTest {

    private static final String ADDRESS = "/soap/plates";
    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    private static final String WSSE = SoapFaults.WSSE;
    private static final String ATALAYA = SoapFaults.ATALAYA;
    private static final String ACTION = "SOAP " + ADDRESS + " CheckPlate";

    /** The realm, as far as these tests go: user, password and roles. */
    private static final Map<String, String[]> ACCOUNTS = Map.of(
            "agent-0417", new String[] {"s3cret-0417", "local-police"},
            "visitor", new String[] {"visitor-pw", "viewer"});

    private static final RecordingAuditLog AUDIT = new RecordingAuditLog();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ServedEndpoint served;
    private static ServedEndpoint served12;

    @BeforeAll
    static void publish() throws Exception {
        AccessPolicy policy = TestPolicies.policy("investigation",
                new String[] {"local-police", "local-police", "", "hotlist, devices", "", "prevention, investigation"});
        served = ServedEndpoint.serve(
                SoapPublication.publish(ADDRESS, new PlateDesk(), policy, AUDIT, SoapEndpointTest::login));
        served12 = ServedEndpoint.serve(
                SoapPublication.publish(ADDRESS, new PlateDesk12(), policy, AUDIT, SoapEndpointTest::login));
    }

    @AfterAll
    static void withdraw() throws Exception {
        try (ServedEndpoint soap11 = served; ServedEndpoint soap12 = served12) {
            // both withdrawn
        }
    }

    @BeforeEach
    void clearTheLog() {
        AUDIT.failing(false);
        AUDIT.clear();
    }

    @Test
    void theBusNamesTheClassLoaderThatCxfSetsForEachCall() {
        // without it, CXF's servlet looks the loader up as a resource at every call, and finds none
        assertThat(served.endpoint().bus().getExtension(ClassLoader.class)).isSameAs(OwnBus.class.getClassLoader());
    }

    @Test
    void aRequestWithoutASecurityHeaderIsRefusedAsInvalidSecurityAndAudited() throws Exception {
        Answer answer = call(envelope("", checkPlate("1234BCD", "prevention", null)));

        assertThat(answer.faultCode()).isEqualTo(new QName(WSSE, "InvalidSecurity"));
        assertThat(answer.body()).doesNotContain("is listed");
        AuditEntry entry = AUDIT.last();
        assertThat(entry.action()).isEqualTo(ACTION);
        assertThat(entry.outcome()).isEqualTo("denied InvalidSecurity");
        assertThat(entry.agency()).isNull();
        assertThat(entry.dataClass()).isEqualTo("hotlist");
        assertThat(entry.subjects()).isEmpty();
    }

    @Test
    void aWrongPasswordFailsAuthenticationAndIsAuditedWithTheUserItClaimed() throws Exception {
        Answer answer = call(envelope(token("agent-0417", "guess", TEXT), checkPlate("1234BCD", "prevention", null)));

        assertThat(answer.faultCode()).isEqualTo(new QName(WSSE, "FailedAuthentication"));
        assertThat(answer.faultString()).isEqualTo("The user name or password is not valid.");
        assertThat(AUDIT.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo("denied FailedAuthentication");
            assertThat(entry.person()).isEqualTo("agent-0417");
            assertThat(entry.action()).isEqualTo(ACTION);
        });
    }

    @Test
    void aPasswordDigestIsRefusedAsATokenTheHubCannotVerify() throws Exception {
        Answer answer = call(envelope(token("agent-0417", "bm90IGEgcmVhbCBkaWdlc3Q=", DIGEST),
                checkPlate("1234BCD", "prevention", null)));

        assertThat(answer.faultCode()).isEqualTo(new QName(WSSE, "UnsupportedSecurityToken"));
        assertThat(answer.faultString()).contains("PasswordDigest is not supported");
        assertThat(AUDIT.last().outcome()).isEqualTo("denied UnsupportedSecurityToken");
    }

    @Test
    void aTokenWithoutPasswordIsAnInvalidSecurityHeader() throws Exception {
        String header = "<wsse:Security xmlns:wsse='" + WSSE + "'><wsse:UsernameToken>"
                + "<wsse:Username>agent-0417</wsse:Username></wsse:UsernameToken></wsse:Security>";

        Answer answer = call(envelope(header, checkPlate("1234BCD", "prevention", null)));

        assertThat(answer.faultCode()).isEqualTo(new QName(WSSE, "InvalidSecurity"));
    }

    @Test
    void aSecurityHeaderTheCallerMarksMustUnderstandIsUnderstood() throws Exception {
        String header = token("agent-0417", "s3cret-0417", TEXT).replace("<wsse:Security ",
                "<wsse:Security soap:mustUnderstand='1' ");

        Answer answer = call(envelope(header, checkPlate("1234BCD", "prevention", null)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("answer")).isEqualTo("1234BCD is listed, told to local-police");
    }

    @Test
    void anAllowedCallIsAnsweredAndAuditedWithItsSubjectsPurposeAndCase() throws Exception {
        Answer answer = call(envelope(token("agent-0417", "s3cret-0417", null),
                checkPlate("1234BCD", "investigation", "DP-2026-0042")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("answer")).isEqualTo("1234BCD is listed, told to local-police");
        assertThat(AUDIT.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(ACTION);
            assertThat(entry.outcome()).isEqualTo("allowed");
            assertThat(entry.agency()).isEqualTo("local-police");
            assertThat(entry.person()).isEqualTo("agent-0417");
            assertThat(entry.dataClass()).isEqualTo("hotlist");
            assertThat(entry.subjects()).containsExactly("1234BCD");
            assertThat(entry.purpose()).isEqualTo("investigation");
            assertThat(entry.caseReference()).isEqualTo("DP-2026-0042");
            assertThat(entry.recipients()).containsExactly("local-police");
        });
    }

    @Test
    void anOperationThatNamesNoDataClassIsDeniedToEveryone() throws Exception {
        Answer answer = call(envelope(token("agent-0417", "s3cret-0417", TEXT),
                "<d:CountPlates xmlns:d='" + PlateDesk.NAMESPACE + "'/>"));

        assertThat(answer.faultCode()).isEqualTo(new QName(ATALAYA, "AccessDenied"));
        assertThat(answer.faultString()).isEqualTo("This operation is granted to no one.");
        assertThat(answer.body()).doesNotContain("42");
        assertThat(AUDIT.last().outcome()).isEqualTo("denied AccessDenied");
        assertThat(AUDIT.last().action()).isEqualTo("SOAP " + ADDRESS + " CountPlates");
    }

    @Test
    void anAccountNoAgencyClaimsIsDenied() throws Exception {
        Answer answer = call(envelope(token("visitor", "visitor-pw", TEXT), checkPlate("1234BCD", "prevention", null)));

        assertThat(answer.faultCode()).isEqualTo(new QName(ATALAYA, "AccessDenied"));
        assertThat(AUDIT.last().person()).isEqualTo("visitor");
    }

    @Test
    void consultingPersonalDataWithoutAPurposeIsRefusedAsPurposeRequired() throws Exception {
        Answer answer = call(envelope(token("agent-0417", "s3cret-0417", TEXT), checkPlate("1234BCD", null, null)));

        assertThat(answer.faultCode()).isEqualTo(new QName(ATALAYA, "PurposeRequired"));
        assertThat(answer.faultString()).contains("needs a purpose");
        assertThat(AUDIT.last().outcome()).isEqualTo("refused PurposeRequired");
        assertThat(AUDIT.last().agency()).isEqualTo("local-police");
    }

    @Test
    void anInvestigationWithoutItsCaseIsRefusedAsPurposeRequired() throws Exception {
        Answer answer = call(envelope(token("agent-0417", "s3cret-0417", TEXT),
                checkPlate("1234BCD", "investigation", " ")));

        assertThat(answer.faultCode()).isEqualTo(new QName(ATALAYA, "PurposeRequired"));
        assertThat(AUDIT.last().purpose()).isEqualTo("investigation");
    }

    @Test
    void whenTheAuditLogFailsTheAnswerIsReplacedByServiceUnavailable() throws Exception {
        AUDIT.failing(true);

        Answer answer = call(envelope(token("agent-0417", "s3cret-0417", TEXT),
                checkPlate("1234BCD", "prevention", null)));

        assertThat(answer.faultCode()).isEqualTo(new QName(ATALAYA, "ServiceUnavailable"));
        assertThat(answer.body()).doesNotContain("is listed").doesNotContain("database");
    }

    @Test
    void aFaultTheOperationDeclaresIsTheCallersWithItsReasonAndIsAuditedAsFailed() throws Exception {
        Answer answer = call(envelope(token("agent-0417", "s3cret-0417", TEXT), checkPlate(" ", "prevention", null)));

        assertThat(answer.faultCode()).isEqualTo(new QName(SOAP11, "Client"));
        assertThat(answer.faultString()).isEqualTo("A plate is required.");
        assertThat(answer.text("InvalidRequest")).isNotNull();
        assertThat(AUDIT.last().outcome()).isEqualTo("failed InvalidRequest");
        assertThat(AUDIT.last().recipients()).isEmpty();
    }

    @Test
    void anOperationRefusingWhatAnAllowedCallAsksForAnswersAsTheGateDoes() throws Exception {
        Answer answer = call(envelope(token("agent-0417", "s3cret-0417", TEXT),
                checkPlate("NP0042", "prevention", null)));

        assertThat(answer.faultCode()).isEqualTo(new QName(ATALAYA, "AccessDenied"));
        assertThat(answer.faultString()).isEqualTo("Plates of the national police's operations are theirs to consult.");
        assertThat(AUDIT.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo("failed AccessDenied");
            assertThat(entry.recipients()).isEmpty();
        });
    }

    @Test
    void anExceptionTheOperationLetsEscapeIsAnsweredWithoutItsInternals() throws Exception {
        Answer answer = call(envelope(token("agent-0417", "s3cret-0417", TEXT),
                "<d:ListCameras xmlns:d='" + PlateDesk.NAMESPACE + "'/>"));

        assertThat(answer.faultCode()).isEqualTo(new QName(SOAP11, "Server"));
        assertThat(answer.faultString()).isEqualTo("The hub could not process the request; it is logged.");
        assertThat(answer.body()).doesNotContain("postgresql").doesNotContain("IllegalStateException")
                .doesNotContain("at org.");
        assertThat(AUDIT.last().outcome()).isEqualTo("failed Server");
    }

    @Test
    void soap12CallersGetSenderFaultsWithTheCodeAsSubcode() throws Exception {
        Answer answer = call12(envelope(token("agent-0417", "guess", TEXT), checkPlate("1234BCD", "prevention", null)));

        assertThat(answer.faultCode()).isEqualTo(new QName(SOAP12, "Sender"));
        assertThat(answer.subcode()).isEqualTo(new QName(WSSE, "FailedAuthentication"));
        assertThat(answer.faultString()).isEqualTo("The user name or password is not valid.");
    }

    @Test
    void soap12CallersGetTheHubsFailuresAsReceiverFaults() throws Exception {
        AUDIT.failing(true);

        Answer answer = call12(envelope(token("agent-0417", "s3cret-0417", TEXT),
                checkPlate("1234BCD", "prevention", null)));

        assertThat(answer.faultCode()).isEqualTo(new QName(SOAP12, "Receiver"));
        assertThat(answer.subcode()).isEqualTo(new QName(ATALAYA, "ServiceUnavailable"));
        assertThat(answer.body()).doesNotContain("is listed");
    }

    @Test
    void soap12CallersAreAnsweredAsSoap11Ones() throws Exception {
        Answer answer = call12(envelope(token("agent-0417", "s3cret-0417", TEXT),
                checkPlate("1234BCD", "prevention", null)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("answer")).isEqualTo("1234BCD is listed, told to local-police");
    }

    @Test
    void anExternalEntityIsRefusedAndTheServiceKeepsServing() throws Exception {
        String hostile = "<?xml version='1.0'?><!DOCTYPE plate [<!ENTITY secret SYSTEM 'file:///etc/passwd'>]>"
                + envelope(token("agent-0417", "s3cret-0417", TEXT), checkPlate("&secret;", "prevention", null));

        Answer refused = call(hostile);

        assertThat(refused.faultCode()).isEqualTo(new QName(SOAP11, "Client"));
        assertThat(refused.body()).doesNotContain("root:").doesNotContain("DOCTYPE");
        assertThat(AUDIT.last().outcome()).isEqualTo("refused Client");
        assertThat(servesStill()).isTrue();
    }

    @Test
    void anEntityExpansionIsRefusedAndTheServiceKeepsServing() throws Exception {
        StringBuilder entities = new StringBuilder("<!ENTITY a0 'plateplateplateplate'>");
        for (int level = 1; level <= 9; level++) {
            entities.append("<!ENTITY a").append(level).append(" '")
                    .append(("&a" + (level - 1) + ";").repeat(10)).append("'>");
        }
        String hostile = "<?xml version='1.0'?><!DOCTYPE plate [" + entities + "]>"
                + envelope(token("agent-0417", "s3cret-0417", TEXT), checkPlate("&a9;", "prevention", null));

        Answer refused = call(hostile);

        assertThat(refused.faultCode()).isEqualTo(new QName(SOAP11, "Client"));
        assertThat(servesStill()).isTrue();
    }

    @Test
    void aRequestNestedDeeperThanTheLimitIsRefused() throws Exception {
        String credentials = token("agent-0417", "s3cret-0417", TEXT);
        String body = checkPlate("1234BCD", "prevention", null);

        Answer shallow = call(envelope(credentials + nested(24), body));
        Answer deep = call(envelope(credentials + nested(40), body));

        assertThat(shallow.status()).isEqualTo(200);
        assertThat(deep.faultCode()).isEqualTo(new QName(SOAP11, "Client"));
        assertThat(servesStill()).isTrue();
    }

    @Test
    void aRequestLargerThanTheLimitIsRefused() throws Exception {
        String credentials = token("agent-0417", "s3cret-0417", TEXT);
        String body = checkPlate("1234BCD", "prevention", null);
        String note = "<n:note xmlns:n='urn:atalaya:test:notes'>" + "x".repeat(60_000) + "</n:note>";

        Answer small = call(envelope(credentials + note.repeat(8), body));
        Answer large = call(envelope(credentials + note.repeat(20), body));

        assertThat(small.status()).isEqualTo(200);
        assertThat(large.faultCode()).isEqualTo(new QName(SOAP11, "Client"));
        assertThat(servesStill()).isTrue();
    }

    @Test
    void aNulByteIsRefusedAsTheCallersFaultAndAudited() throws Exception {
        Answer answer = call(utf8(envelope(token("agent-0417", "s3cret-0417", TEXT),
                checkPlate("1234\u0000BCD", "prevention", null))));

        assertThat(answer.faultCode()).isEqualTo(new QName(SOAP11, "Client"));
        assertThat(answer.faultString()).startsWith("The request is not valid XML: a NUL at byte ");
        assertThat(AUDIT.last().outcome()).isEqualTo("refused Client");
        assertThat(servesStill()).isTrue();
    }

    @Test
    void overlongUtf8IsRefusedInsteadOfDecodedAsTheCharacterItImitates() throws Exception {
        // C0 AF is an overlong '/': decoded, it would reach the operation as "1234/BCD"
        byte[] request = splice(envelope(token("agent-0417", "s3cret-0417", TEXT),
                checkPlate("1234~BCD", "prevention", null)), (byte) 0xC0, (byte) 0xAF);

        Answer answer = call(request);

        assertThat(answer.faultCode()).isEqualTo(new QName(SOAP11, "Client"));
        assertThat(answer.faultString()).contains("not UTF-8 at byte");
        assertThat(answer.body()).doesNotContain("is listed");
        assertThat(AUDIT.last().outcome()).isEqualTo("refused Client");
    }

    @Test
    void utf8IsRequiredWhateverCharsetTheContentTypeNames() throws Exception {
        byte[] latin1 = envelope(token("agent-0417", "s3cret-0417", TEXT), checkPlate("1234ÑBC", "prevention", null))
                .replace(SOAP11, SOAP12).getBytes(StandardCharsets.ISO_8859_1);

        Answer refused = send(HttpRequest.newBuilder(served12.at(ADDRESS))
                .header("Content-Type", "application/soap+xml; charset=ISO-8859-1"), latin1);

        assertThat(refused.faultCode()).isEqualTo(new QName(SOAP12, "Sender"));
        assertThat(refused.body()).doesNotContain("is listed");
    }

    @Test
    void aUtf16ByteOrderMarkBeforeUtf8TextIsTheCallersFault() throws Exception {
        byte[] envelope = utf8(envelope(token("agent-0417", "s3cret-0417", TEXT),
                checkPlate("1234BCD", "prevention", null)).replace(SOAP11, SOAP12));
        byte[] marked = new byte[envelope.length + 2];
        marked[0] = (byte) 0xFE;
        marked[1] = (byte) 0xFF;
        System.arraycopy(envelope, 0, marked, 2, envelope.length);

        Answer answer = send(HttpRequest.newBuilder(served12.at(ADDRESS)).header("Content-Type", "application/soap+xml"),
                marked);

        assertThat(answer.faultCode()).isEqualTo(new QName(SOAP12, "Sender"));
        assertThat(answer.faultString()).contains("not UTF-8 at byte 0");
        assertThat(AUDIT.last().outcome()).isEqualTo("refused Client");
    }

    @Test
    void utf8sOwnByteOrderMarkIsReadAsXmlAllowsIt() throws Exception {
        // without a charset in the Content-Type, the bytes were read as ISO-8859-1 and the mark failed the hub
        byte[] marked = utf8("\uFEFF" + envelope(token("agent-0417", "s3cret-0417", TEXT),
                checkPlate("1234BCD", "prevention", null)).replace(SOAP11, SOAP12));

        Answer answer = send(HttpRequest.newBuilder(served12.at(ADDRESS)).header("Content-Type", "application/soap+xml"),
                marked);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("answer")).isEqualTo("1234BCD is listed, told to local-police");
    }

    @Test
    void aNulCharacterReferenceIsTheCallersFaultNotTheHubs() throws Exception {
        Answer answer = call12(envelope(token("agent-0417&#0;", "s3cret-0417", TEXT),
                checkPlate("1234BCD", "prevention", null)));

        assertThat(answer.faultCode()).isEqualTo(new QName(SOAP12, "Sender"));
        assertThat(answer.faultString()).isEqualTo("The request is not well-formed XML; see the service's WSDL (?wsdl).");
        assertThat(AUDIT.last().outcome()).isEqualTo("refused Client");
    }

    @Test
    void anUnreadableRequestIsLoggedInOneLineWithoutAStackTrace() throws Exception {
        PrintStream console = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            call12(envelope(token("agent-0417&#0;", "s3cret-0417", TEXT), checkPlate("1234BCD", "prevention", null)));
        } finally {
            System.setErr(console);
        }

        assertThat(log.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .contains("WARN").contains("SOAP request to SOAP " + ADDRESS + " refused");
    }

    @Test
    void anEnvelopeCutShortAfterItsBodyIsNotAnswered() throws Exception {
        String whole = envelope(token("agent-0417", "s3cret-0417", TEXT), checkPlate("1234BCD", "prevention", null));

        Answer answer = call(whole.substring(0, whole.indexOf("</soap:Envelope>")));

        assertThat(answer.faultCode()).isEqualTo(new QName(SOAP11, "Client"));
        assertThat(answer.faultString()).isEqualTo("The request is not well-formed XML; see the service's WSDL (?wsdl).");
        assertThat(answer.body()).doesNotContain("is listed");
        assertThat(AUDIT.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo("refused Client");
            assertThat(entry.subjects()).isEmpty();
        });
    }

    @Test
    void anEnvelopeFollowedByMoreIsNotAnswered() throws Exception {
        Answer answer = call(envelope(token("agent-0417", "s3cret-0417", TEXT), checkPlate("1234BCD", "prevention", null))
                + "<soap:Envelope xmlns:soap='" + SOAP11 + "'/>");

        assertThat(answer.faultCode()).isEqualTo(new QName(SOAP11, "Client"));
        assertThat(answer.body()).doesNotContain("is listed");
    }

    @Test
    void valuesOfTheirElementsTypesAreAnswered() throws Exception {
        Answer answer = call(envelope(token("agent-0417", "s3cret-0417", TEXT),
                listedSince("2026-11-21T08:00:00Z", "10")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("answer")).isEqualTo("at most 10 plates listed since 2026-11-21T08:00:00Z");
    }

    @Test
    void aTimeThatIsNoXmlTimeIsTheCallersFaultNotATimeLeftOut() throws Exception {
        Answer answer = call(envelope(token("agent-0417", "s3cret-0417", TEXT), listedSince("yesterday", "10")));

        assertThat(answer.faultCode()).isEqualTo(new QName(SOAP11, "Client"));
        assertThat(answer.faultString()).startsWith("The request does not follow the service's WSDL (?wsdl) (line 1, "
                + "column ").endsWith(": yesterday.");
        assertThat(answer.body()).doesNotContain("plates listed");
        assertThat(AUDIT.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("SOAP " + ADDRESS + " ListedSince");
            assertThat(entry.outcome()).isEqualTo("refused Client");
        });
    }

    @Test
    void secondsOfTheEpochAreNoTimeThoughJaxbWouldReadThemAsAYear() throws Exception {
        Answer answer = call(envelope(token("agent-0417", "s3cret-0417", TEXT), listedSince("1763721600", "10")));

        assertThat(answer.faultCode()).isEqualTo(new QName(SOAP11, "Client"));
        assertThat(answer.faultString()).contains("'1763721600'").contains("dateTime");
        assertThat(answer.body()).doesNotContain("plates listed");
    }

    @Test
    void aNumberThatIsNotOneIsTheCallersFault() throws Exception {
        Answer answer = call12(envelope(token("agent-0417", "s3cret-0417", TEXT),
                listedSince("2026-11-21T08:00:00Z", "ten")));

        assertThat(answer.faultCode()).isEqualTo(new QName(SOAP12, "Sender"));
        assertThat(answer.faultString()).contains("Not a number: ten");
        assertThat(answer.body()).doesNotContain("plates listed");
        assertThat(servesStill()).isTrue();
    }

    @Test
    void theWsdlIsServedWithoutCredentials() throws Exception {
        HttpResponse<String> wsdl = HTTP.send(HttpRequest.newBuilder(URI.create(served.at(ADDRESS) + "?wsdl")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("CheckPlate").contains("PlateDesk");
        assertThat(AUDIT.entries()).isEmpty();
    }

    private static boolean servesStill() throws Exception {
        AUDIT.clear();
        Answer answer = call(envelope(token("agent-0417", "s3cret-0417", TEXT),
                checkPlate("1234BCD", "prevention", null)));
        return answer.status() == 200 && AUDIT.last().outcome().equals("allowed");
    }

    // --- requests ---

    private static final String TEXT =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
    private static final String DIGEST =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";

    private static Optional<RealmLogin.Account> login(String user, String password) {
        String[] account = ACCOUNTS.get(user);
        return account != null && account[0].equals(password)
                ? Optional.of(new RealmLogin.Account(user, Set.of(account[1])))
                : Optional.empty();
    }

    private static String envelope(String header, String body) {
        return "<soap:Envelope xmlns:soap='" + SOAP11 + "'><soap:Header>" + header + "</soap:Header><soap:Body>"
                + body + "</soap:Body></soap:Envelope>";
    }

    private static String token(String user, String password, String type) {
        return "<wsse:Security xmlns:wsse='" + WSSE + "'><wsse:UsernameToken><wsse:Username>" + user
                + "</wsse:Username><wsse:Password" + (type == null ? "" : " Type='" + type + "'") + ">" + password
                + "</wsse:Password></wsse:UsernameToken></wsse:Security>";
    }

    /** A header the service does not know, {@code depth} elements deep. */
    private static String nested(int depth) {
        return "<n:note xmlns:n='urn:atalaya:test:notes'>" + "<n:x>".repeat(depth - 1) + "</n:x>".repeat(depth - 1)
                + "</n:note>";
    }

    private static String checkPlate(String plate, String purpose, String caseReference) {
        return "<d:CheckPlate xmlns:d='" + PlateDesk.NAMESPACE + "'><plate>" + plate + "</plate>"
                + (purpose == null ? "" : "<purpose>" + purpose + "</purpose>")
                + (caseReference == null ? "" : "<caseReference>" + caseReference + "</caseReference>")
                + "</d:CheckPlate>";
    }

    private static String listedSince(String since, String limit) {
        return "<d:ListedSince xmlns:d='" + PlateDesk.NAMESPACE + "'><since>" + since + "</since><limit>" + limit
                + "</limit><purpose>prevention</purpose></d:ListedSince>";
    }

    private static Answer call(String envelope) throws Exception {
        return send(HttpRequest.newBuilder(served.at(ADDRESS)).header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\""), envelope);
    }

    /** The same request in SOAP 1.2, to the SOAP 1.2 desk. */
    private static Answer call12(String envelope) throws Exception {
        return send(HttpRequest.newBuilder(served12.at(ADDRESS))
                .header("Content-Type", "application/soap+xml; charset=UTF-8"), envelope.replace(SOAP11, SOAP12));
    }

    /** A request of raw bytes, which need not be UTF-8. */
    private static Answer call(byte[] request) throws Exception {
        return send(HttpRequest.newBuilder(served.at(ADDRESS)).header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\""), request);
    }

    private static Answer send(HttpRequest.Builder request, String envelope) throws Exception {
        return send(request, utf8(envelope));
    }

    private static Answer send(HttpRequest.Builder request, byte[] body) throws Exception {
        HttpResponse<String> response = HTTP.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The text's UTF-8 with {@code sequence} written where it has a {@code ~}. */
    private static byte[] splice(String text, byte... sequence) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte b : utf8(text)) {
            if (b == '~') {
                bytes.writeBytes(sequence);
            } else {
                bytes.write(b);
            }
        }
        return bytes.toByteArray();
    }

    /** A SOAP answer, read as XML. */
    private record Answer(int status, String body) {

        Document document() throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        }

        /** The text of the first element named {@code name}, whatever its namespace. */
        String text(String name) throws Exception {
            Node node = document().getElementsByTagNameNS("*", name).item(0);
            return node == null ? null : node.getTextContent();
        }

        /** SOAP 1.1 {@code faultcode}, or SOAP 1.2 {@code Code/Value}, as a qualified name. */
        QName faultCode() throws Exception {
            Element code = (Element) document().getElementsByTagName("faultcode").item(0);
            if (code == null) {
                code = (Element) document().getElementsByTagNameNS(SOAP12, "Value").item(0);
            }
            assertThat(code).as("a fault code in %s", body).isNotNull();
            return qualified(code);
        }

        QName subcode() throws Exception {
            Element subcode = (Element) document().getElementsByTagNameNS(SOAP12, "Subcode").item(0);
            return qualified((Element) subcode.getElementsByTagNameNS(SOAP12, "Value").item(0));
        }

        String faultString() throws Exception {
            String reason = text("faultstring");
            return reason != null ? reason : text("Text");
        }

        private static QName qualified(Element element) {
            String text = element.getTextContent().strip();
            int colon = text.indexOf(':');
            String prefix = colon < 0 ? null : text.substring(0, colon);
            return new QName(element.lookupNamespaceURI(prefix), text.substring(colon + 1));
        }
    }
}
