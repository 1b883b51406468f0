package org.atalaya.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * bin/atalaya-init, which gives every account a password before the hub first starts: Atalaya
 * ships none. Runs the script of the built distribution against a copy of its etc/.
 */
public class FirstStartTest {

    /** The accounts bin/atalaya-init creates for people and devices, with their groups. */
    private static final Map<String, String> INITIAL_ACCOUNTS = Map.ofEntries(
            Map.entry("admin", "admingroup"), Map.entry("anpr-cameras", "anprcameras"),
            Map.entry("face-cameras", "facecameras"), Map.entry("city-sensors", "citysensors"),
            Map.entry("local-police", "localpolice"), Map.entry("national-police", "nationalpolice"),
            Map.entry("interior-ministry", "interiorministry"), Map.entry("justice", "justice"),
            Map.entry("fire-service", "fireservice"), Map.entry("ume", "ume"),
            Map.entry("city-operations", "cityoperations"), Map.entry("data-protection-officer", "dataprotection"));


    private static final Path ASSEMBLY = Paths.get(System.getProperty("atalaya.assembly",
            "../karaf-assembly/target/assembly"));

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path home;

    @Before
    public void copyDistribution() throws IOException {
        home = folder.getRoot().toPath();
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("etc"));
        Files.copy(ASSEMBLY.resolve("bin/atalaya-init"), home.resolve("bin/atalaya-init"));
        for (String file : new String[] {"users.properties", "org.atalaya.runtime.cfg", "org.ops4j.pax.web.cfg",
            "org.atalaya.simulators.anpr.cfg", "org.atalaya.simulators.face.cfg", "org.atalaya.simulators.registry.cfg",
            "org.atalaya.vehicleregistry.cfg"}) {
            Files.copy(ASSEMBLY.resolve("etc").resolve(file), home.resolve("etc").resolve(file));
        }
    }

    @Test
    public void theShippedUsersFileHasNoAccount() throws IOException {
        Properties users = load(ASSEMBLY.resolve("etc/users.properties"));
        assertTrue("only group definitions: " + users.keySet(),
                users.stringPropertyNames().stream().allMatch(key -> key.startsWith("_g_:")));
    }

    @Test
    public void generatesDistinctStrongPasswordsAndSaysWhereTheyAre() throws Exception {
        Result result = init(Map.of());

        assertEquals(result.output, 0, result.exitCode);
        Properties users = load(home.resolve("etc/users.properties"));
        String admin = password(users, "admin");
        String hub = password(users, "atalaya-hub");
        Set<String> passwords = new java.util.HashSet<>();
        for (Map.Entry<String, String> account : INITIAL_ACCOUNTS.entrySet()) {
            String password = password(users, account.getKey());
            assertTrue(password, password.length() >= 32);
            assertTrue(account.getKey() + " is a new password", passwords.add(password));
            assertEquals(password + ",_g_:" + account.getValue(), users.getProperty(account.getKey()));
        }
        assertNotEquals(admin, hub);
        assertEquals(hub + ",hub", users.getProperty("atalaya-hub"));
        assertEquals(hub, load(home.resolve("etc/org.atalaya.runtime.cfg")).getProperty("broker.password"));

        Path credentials = home.resolve("etc/atalaya-credentials.txt");
        assertTrue(result.output, result.output.contains(credentials.toString()));
        String written = Files.readString(credentials);
        for (String account : INITIAL_ACCOUNTS.keySet()) {
            assertTrue(account, written.contains(account + " = " + password(users, account)));
        }
        assertFalse("the hub's own password stays in its configuration", written.contains(hub));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(credentials));
    }

    @Test
    public void takesThePasswordsFromTheEnvironmentAndWritesNoneDown() throws Exception {
        Map<String, String> environment = new java.util.HashMap<>();
        for (String account : INITIAL_ACCOUNTS.keySet()) {
            environment.put("ATALAYA_" + account.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PASSWORD",
                    "Ceuta-2026-" + account);
        }
        Result result = init(environment);

        assertEquals(result.output, 0, result.exitCode);
        Properties users = load(home.resolve("etc/users.properties"));
        for (String account : INITIAL_ACCOUNTS.keySet()) {
            assertEquals("Ceuta-2026-" + account, password(users, account));
        }
        assertFalse(Files.exists(home.resolve("etc/atalaya-credentials.txt")));
        // The demo devices' account is the hub's own business: generated, kept in their settings.
        for (String simulators : new String[] {"anpr", "face"}) {
            Properties simulator = load(home.resolve("etc/org.atalaya.simulators." + simulators + ".cfg"));
            assertEquals("simulator", simulator.getProperty("user"));
            assertEquals(password(users, "simulator"), simulator.getProperty("password"));
        }
    }

    @Test
    public void theHubAndTheDemoMinistryShareAGeneratedAccountUntilTheRealOneIsSet() throws Exception {
        Result result = init(Map.of());

        assertEquals(result.output, 0, result.exitCode);
        Properties connector = load(home.resolve("etc/org.atalaya.vehicleregistry.cfg"));
        Properties ministry = load(home.resolve("etc/org.atalaya.simulators.registry.cfg"));
        assertEquals("atalaya-ceuta", connector.getProperty("user"));
        assertTrue(connector.getProperty("password"), connector.getProperty("password").length() >= 32);
        assertEquals(connector.getProperty("user"), ministry.getProperty("user"));
        assertEquals(connector.getProperty("password"), ministry.getProperty("password"));
        assertEquals("http://127.0.0.1:8190/vehicle-registry/v1", connector.getProperty("address"));

        // the ministry's own account, once set, is never touched again
        Path cfg = home.resolve("etc/org.atalaya.vehicleregistry.cfg");
        Files.writeString(cfg, Files.readString(cfg).replace(connector.getProperty("password"), "Ministry-Given-2026"));
        assertEquals(0, init(Map.of()).exitCode);
        assertEquals("Ministry-Given-2026", load(cfg).getProperty("password"));
    }

    @Test
    public void createsTheHubsTlsKeyWithAGeneratedPasswordAndPublishesItsCertificate() throws Exception {
        Result result = init(Map.of("ATALAYA_TLS_NAMES", "hub.ceuta.example,10.20.0.5"));

        assertEquals(result.output, 0, result.exitCode);
        Properties web = load(home.resolve("etc/org.ops4j.pax.web.cfg"));
        assertEquals("true", web.getProperty("org.osgi.service.http.secure.enabled"));
        assertEquals("false", web.getProperty("org.osgi.service.http.enabled"));
        String password = web.getProperty("org.ops4j.pax.web.ssl.keystore.password");
        assertTrue(password, password.length() >= 32);
        assertEquals(password, web.getProperty("org.ops4j.pax.web.ssl.key.password"));

        Path store = home.resolve("etc/atalaya-tls.p12");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(store));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password.toCharArray());
        }
        assertTrue(keys.isKeyEntry("atalaya"));
        X509Certificate certificate = (X509Certificate) keys.getCertificate("atalaya");
        Set<String> names = certificate.getSubjectAlternativeNames().stream()
                .map(name -> name.get(1).toString()).collect(Collectors.toSet());
        assertEquals(Set.of("localhost", "127.0.0.1", "hub.ceuta.example", "10.20.0.5"), names);
        assertEquals("CN=hub.ceuta.example, O=Atalaya", certificate.getSubjectX500Principal().getName(
                javax.security.auth.x500.X500Principal.RFC1779));
        certificate.checkValidity();

        Certificate published;
        try (InputStream in = Files.newInputStream(home.resolve("etc/atalaya-tls.crt"))) {
            published = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertEquals(certificate, published);
        assertFalse("the keystore's password is not among the account passwords",
                Files.readString(home.resolve("etc/atalaya-credentials.txt")).contains(password));
    }

    @Test
    public void aSecondRunChangesNothing() throws Exception {
        init(Map.of());
        String users = Files.readString(home.resolve("etc/users.properties"));
        String runtime = Files.readString(home.resolve("etc/org.atalaya.runtime.cfg"));
        String web = Files.readString(home.resolve("etc/org.ops4j.pax.web.cfg"));
        byte[] tls = Files.readAllBytes(home.resolve("etc/atalaya-tls.p12"));

        Result again = init(Map.of("ATALAYA_ADMIN_PASSWORD", "Another-Admin-Pass-1"));

        assertEquals(again.output, 0, again.exitCode);
        assertEquals(users, Files.readString(home.resolve("etc/users.properties")));
        assertEquals(runtime, Files.readString(home.resolve("etc/org.atalaya.runtime.cfg")));
        assertEquals(web, Files.readString(home.resolve("etc/org.ops4j.pax.web.cfg")));
        assertTrue(java.util.Arrays.equals(tls, Files.readAllBytes(home.resolve("etc/atalaya-tls.p12"))));
    }

    @Test
    public void refusesAShortOrUnsafePasswordAndWritesNothing() throws Exception {
        String before = Files.readString(home.resolve("etc/users.properties"));
        for (String weak : new String[] {"admin", "karaf", "short-1", "has a space in it", "comma,separated,x"}) {
            Result result = init(Map.of("ATALAYA_ADMIN_PASSWORD", weak));
            assertNotEquals(weak, 0, result.exitCode);
            assertTrue(result.output, result.output.contains("ATALAYA_ADMIN_PASSWORD must be at least 12 characters"));
            assertEquals(before, Files.readString(home.resolve("etc/users.properties")));
        }
    }

    private static String password(Properties users, String user) {
        String entry = users.getProperty(user);
        assertTrue(user + " exists", entry != null);
        return entry.substring(0, entry.indexOf(','));
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private Result init(Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", home.resolve("bin/atalaya-init").toString())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("ATALAYA_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("atalaya-init finished", process.waitFor(30, TimeUnit.SECONDS));
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }
}
