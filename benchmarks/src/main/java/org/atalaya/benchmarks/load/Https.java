package org.atalaya.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The hub's REST and SOAP endpoints as an agency calls them: HTTPS trusting the certificate
 * bin/atalaya-init wrote to {@code etc/atalaya-tls.crt}, HTTP Basic, and a purpose on every call.
 */
public final class Https {

    public static final String PURPOSE = "operational-response";

    private final URI base;
    private final HttpClient client;
    private final Map<String, String> passwords;

    Https(URI base, Path certificate, Map<String, String> passwords) throws IOException, GeneralSecurityException {
        this.base = base;
        this.passwords = passwords;
        this.client = HttpClient.newBuilder().sslContext(trusting(certificate)).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static SSLContext trusting(Path certificate) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("atalaya", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    public HttpResponse<String> get(String path, String account) throws IOException, InterruptedException {
        return client.send(request(path, account).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String account, String contentType, String body,
            Map<String, String> headers) throws IOException, InterruptedException {
        return post(path, account, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public HttpResponse<String> post(String path, String account, String contentType, byte[] body,
            Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, account).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> put(String path, String account, String json) throws IOException, InterruptedException {
        return client.send(request(path, account).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An open response, for the alert stream. */
    public HttpResponse<InputStream> open(String path, String account) throws IOException, InterruptedException {
        return client.send(request(path, account).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    HttpRequest.Builder request(String path, String account) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(10))
                .header("X-Purpose", PURPOSE);
        if (account != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (account + ":" + passwords.get(account)).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    public HttpClient client() {
        return client;
    }
}
