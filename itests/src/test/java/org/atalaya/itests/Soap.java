package org.atalaya.itests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The hub's SOAP consultation service as an agency's client calls it: SOAP 1.1 over HTTPS, a
 * WS-Security UsernameToken (PasswordText) in the header, the purpose and case in the request.
 */
final class Soap {

    static final String ADDRESS = "/api/soap/consultation";
    static final String NAMESPACE = "urn:atalaya:soap:consultation:v1";
    private static final String WSSE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    private Soap() {
    }

    /** {@code CheckPlate}, as {@code user} (no security header when {@code user} is null). */
    static HttpResponse<String> checkPlate(String user, String password, String plate, String purpose,
            String caseReference) throws Exception {
        return call(user, password, """
                <c:CheckPlate xmlns:c="%s"><plate>%s</plate>%s%s</c:CheckPlate>"""
                .formatted(NAMESPACE, plate, element("purpose", purpose), element("caseReference", caseReference)));
    }

    /** Any request body, in an envelope with a UsernameToken for {@code user}. */
    static HttpResponse<String> call(String user, String password, String body) throws Exception {
        return call(Rest.client(), user, password, body);
    }

    /** As {@link #call(String, String, String)}, with {@code client}'s TLS identity. */
    static HttpResponse<String> call(HttpClient client, String user, String password, String body)
            throws Exception {
        String header = user == null ? "" : """
                <soap:Header><wsse:Security xmlns:wsse="%s" soap:mustUnderstand="1"><wsse:UsernameToken>\
                <wsse:Username>%s</wsse:Username><wsse:Password \
                Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">\
                %s</wsse:Password></wsse:UsernameToken></wsse:Security></soap:Header>"""
                .formatted(WSSE, user, password);
        String envelope = """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">%s<soap:Body>%s</soap:Body>\
                </soap:Envelope>""".formatted(header, body);
        return client.send(Rest.request(URI.create(Rest.base() + ADDRESS))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String element(String name, String value) {
        return value == null ? "" : "<" + name + ">" + value + "</" + name + ">";
    }
}
