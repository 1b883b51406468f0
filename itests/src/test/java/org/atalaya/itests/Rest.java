package org.atalaya.itests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The hub's REST API as an agency or a camera calls it: HTTP, Basic authentication. */
final class Rest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Rest() {
    }

    static String url(String path) {
        return "http://127.0.0.1:" + AtalayaTestSupport.port("http") + "/api/v1" + path;
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

    private static HttpRequest.Builder request(String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
