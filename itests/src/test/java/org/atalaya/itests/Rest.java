package org.atalaya.itests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The hub's REST API as an agency or a camera calls it: HTTPS, Basic authentication, and the
 * purpose of the consultation ({@value #PURPOSE} unless the test says otherwise).
 */
final class Rest {

    /** A purpose both police control centres may give, needing no case. */
    static final String PURPOSE = "operational-response";

    /** Made on first use, inside the container: the hub's certificate is in its etc/. */
    private static final class Holder {
        static final HttpClient CLIENT = HttpClient.newBuilder().sslContext(TestTls.hubTrust())
                .connectTimeout(AtalayaTestSupport.WAIT).build();
    }

    private Rest() {
    }

    static String url(String path) {
        return base() + "/api/v1" + path;
    }

    /** The hub's HTTPS address, as the agencies reach it. */
    static String base() {
        return "https://127.0.0.1:" + AtalayaTestSupport.port("https");
    }

    /** A client that trusts the hub's certificate. */
    static HttpClient client() {
        return Holder.CLIENT;
    }

    /**
     * A request to {@code uri} that fails after {@link AtalayaTestSupport#WAIT} without an answer,
     * so a hub that stops answering fails the test that asked instead of hanging the build.
     */
    static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(AtalayaTestSupport.WAIT);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(String path, String user, String password) throws Exception {
        return send(request(path, user, password).GET());
    }

    static HttpResponse<String> post(String path, String user, String password, String contentType, String body)
            throws Exception {
        return send(request(path, user, password).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static HttpResponse<String> put(String path, String user, String password, String body) throws Exception {
        return send(request(path, user, password).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    static HttpResponse<String> delete(String path, String user, String password) throws Exception {
        return send(request(path, user, password).DELETE());
    }

    /**
     * Any call, with the purpose and case given (or none when {@code null}), and a body when
     * {@code contentType} is not {@code null}.
     */
    static HttpResponse<String> call(String method, String path, String user, String password, String purpose,
            String caseReference, String contentType, String body) throws Exception {
        HttpRequest.Builder request = request(URI.create(url(path)));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        if (purpose != null) {
            request.header("X-Purpose", purpose);
        }
        if (caseReference != null) {
            request.header("X-Case-Reference", caseReference);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return send(request);
    }

    private static HttpRequest.Builder request(String path, String user, String password) {
        HttpRequest.Builder request = request(URI.create(url(path))).header("X-Purpose", PURPOSE);
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return Holder.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
