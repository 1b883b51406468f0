package org.atalaya.itests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS material of the booted hub, made with the JDK's keytool as bin/atalaya-init makes it:
 * the hub's key and certificate ({@value #SERVER}), and a client certificate of the justice
 * ministry's gateway ({@value #JUSTICE_GATEWAY}), trusted by the hub through
 * {@value #AGENCIES} and claimed by the justice agency. The configuration creates the files in
 * the test JVM and copies them into the hub's {@code etc/}; tests, inside the hub, read them from
 * there.
 */
final class TestTls {

    static final String PASSWORD = "itest-Tls-4vN8qZ2rWx";
    static final String SERVER = "atalaya-tls.p12";
    static final String AGENCIES = "atalaya-agencies.p12";
    static final String JUSTICE_GATEWAY = "itest-justice-gateway.p12";
    static final String JUSTICE_GATEWAY_SUBJECT = "CN=justice-gateway, O=Ministerio de Justicia, C=ES";

    private TestTls() {
    }

    /** Creates the key stores under {@code directory} unless they are there; returns it. */
    static synchronized Path create(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (Files.exists(directory.resolve(AGENCIES))) {
            return directory;
        }
        keytool("-genkeypair", "-alias", "atalaya", "-keyalg", "EC", "-groupname", "secp384r1",
                "-validity", "30", "-dname", "CN=localhost, O=Atalaya", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", directory.resolve(SERVER).toString());
        Path gateway = directory.resolve(JUSTICE_GATEWAY);
        keytool("-genkeypair", "-alias", "gateway", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "30", "-dname", JUSTICE_GATEWAY_SUBJECT, "-keystore", gateway.toString());
        Path certificate = directory.resolve("justice-gateway.crt");
        keytool("-exportcert", "-rfc", "-alias", "gateway", "-keystore", gateway.toString(),
                "-file", certificate.toString());
        keytool("-importcert", "-alias", "justice-gateway", "-file", certificate.toString(),
                "-keystore", directory.resolve(AGENCIES).toString());
        return directory;
    }

    /** Trusts the hub's certificate, and presents none. */
    static SSLContext hubTrust() {
        return context(null);
    }

    /** Trusts the hub's certificate, and presents the justice gateway's. */
    static SSLContext asJusticeGateway() {
        return context(etc(JUSTICE_GATEWAY));
    }

    private static SSLContext context(Path clientKey) {
        try {
            KeyStore server = load(etc(SERVER));
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("atalaya", server.getCertificate("atalaya"));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            KeyManagerFactory keys = null;
            if (clientKey != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(clientKey), PASSWORD.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException failed) {
            throw new IllegalStateException("the test TLS material cannot be read", failed);
        }
    }

    private static Path etc(String file) {
        return Paths.get(System.getProperty("karaf.etc"), file);
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(), "-noprompt",
                "-storetype", "PKCS12", "-storepass", PASSWORD));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", interrupted);
        }
    }
}
