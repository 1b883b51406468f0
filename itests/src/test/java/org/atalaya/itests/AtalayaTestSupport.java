package org.atalaya.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.Before;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;

/**
 * Boots the built Atalaya distribution once for every IT (PerSuite) and gives the tests what a
 * device, an agency or an administrator would use: MQTT, the broker, the Karaf shell.
 *
 * <p>The distribution is started as Pax Exam starts Karaf (not through bin/karaf), so the
 * first-start script does not run: the accounts below are put in place instead, and every
 * listener gets a free port so that a hub running on the same machine does not interfere.
 * Test methods run inside the container, where the ports are system properties.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public abstract class AtalayaTestSupport {

    static final String ANPR_CAMERAS = "anpr-cameras";
    static final String FACE_CAMERAS = "face-cameras";
    static final String CITY_SENSORS = "city-sensors";
    static final String LOCAL_POLICE = "local-police";
    static final String NATIONAL_POLICE = "national-police";
    /** Two officers of the National Police, each with an account of their own. */
    static final String NATIONAL_OFFICER_A = "np-officer-0417";
    static final String NATIONAL_OFFICER_B = "np-officer-2290";
    static final String JUSTICE = "justice";
    static final String DATA_PROTECTION_OFFICER = "data-protection-officer";

    /**
     * Every account bin/atalaya-init creates, with its group, plus the two officers; each has
     * the password {@link #password(String)} gives.
     */
    static final Map<String, String> ACCOUNTS = Map.ofEntries(
            Map.entry("admin", "admingroup"),
            Map.entry(ANPR_CAMERAS, "anprcameras"),
            Map.entry(FACE_CAMERAS, "facecameras"),
            Map.entry(CITY_SENSORS, "citysensors"),
            Map.entry(LOCAL_POLICE, "localpolice"),
            Map.entry(NATIONAL_POLICE, "nationalpolice"),
            Map.entry(NATIONAL_OFFICER_A, "nationalpolice"),
            Map.entry(NATIONAL_OFFICER_B, "nationalpolice"),
            Map.entry("interior-ministry", "interiorministry"),
            Map.entry(JUSTICE, "justice"),
            Map.entry("fire-service", "fireservice"),
            Map.entry("ume", "ume"),
            Map.entry("city-operations", "cityoperations"),
            Map.entry(DATA_PROTECTION_OFFICER, "dataprotection"));

    static final String ADMIN_PASSWORD = password("admin");
    static final String HUB_PASSWORD = "itest-Hub-9sK3dF6hTz";
    static final String LOCAL_POLICE_PASSWORD = password(LOCAL_POLICE);
    static final String NATIONAL_POLICE_PASSWORD = password(NATIONAL_POLICE);

    static final Duration WAIT = Duration.ofSeconds(30);

    private static final String KARAF_VERSION = System.getProperty("karaf.version", "4.4.10");

    /** What bin/karaf adds on Java 9 and later; without it the Karaf spec locator is missing. */
    private static final List<String> KARAF_JAVA_OPTIONS = List.of(
            "--add-reads=java.xml=java.logging",
            "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
            "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF_VERSION + ".jar",
            "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF_VERSION + ".jar",
            "--add-opens", "java.base/java.security=ALL-UNNAMED",
            "--add-opens", "java.base/java.net=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
            "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
            "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
            "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*");

    /** Registered once every boot feature is installed: no test starts on a half-booted hub. */
    @Inject
    @Filter(timeout = 120_000)
    protected BootFinished bootFinished;

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService features;

    @Inject
    protected SessionFactory sessionFactory;

    @Inject
    @Filter(value = "(camel.context.name=atalaya)", timeout = 60_000)
    protected CamelContext camel;

    /** The routes of the connectors the distribution deploys at its start, with the tests' configuration. */
    static final List<String> SHIPPED_ROUTES = List.of("anpr-cameras-mqtt-1", "biometric-guard-face-matches",
            "city-sensors-readings", "control-centres-alerts-local-police", "control-centres-alerts-national-police",
            "correlation-anpr", "correlation-hit-details", "face-cameras-mqtt", "vehicle-registry-notices",
            "vehicle-registry-sync");

    /**
     * The connectors deploy one by one as their services come up, some after the boot features
     * are installed (a connector publishes its REST endpoints before it deploys its routes). Each
     * test starts once every connector of the distribution has its routes started: none meets a
     * hub half started, or one that an earlier test left without a connector.
     */
    @Before
    public void awaitTheShippedConnectors() {
        awaitCondition("every connector of the distribution is deployed", () -> SHIPPED_ROUTES.stream()
                .allMatch(id -> camel.getRouteController().getRouteStatus(id) == ServiceStatus.Started));
    }

    static final String MINISTRY_ACCOUNT = "atalaya-ceuta";
    static final String MINISTRY_SIMULATOR = "etc/org.atalaya.simulators.registry.cfg";
    static final String REGISTRY_CONNECTOR = "etc/org.atalaya.vehicleregistry.cfg";

    static String password(String account) {
        return "itest-" + account + "-7rQ2xW9kLp";
    }

    @Configuration
    public Option[] configuration() throws IOException {
        MavenArtifactUrlReference distribution = maven().groupId("org.atalaya").artifactId("atalaya")
                .type("tar.gz").versionAsInProject();
        String localRepository = System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository");
        String work = System.getProperty("atalaya.itests.work", "target/exam");
        List<Option> options = new ArrayList<>();
        // What bin/atalaya-init does on a real first start: the accounts, and the hub's TLS key.
        java.nio.file.Path tls = TestTls.create(java.nio.file.Paths.get("target", "itest-tls").toAbsolutePath());
        for (String store : new String[] {TestTls.SERVER, TestTls.AGENCIES, TestTls.JUSTICE_GATEWAY}) {
            options.add(replaceConfigurationFile("etc/" + store, tls.resolve(store).toFile()));
        }
        String web = "etc/org.ops4j.pax.web.cfg";
        options.add(editConfigurationFilePut(web, "org.ops4j.pax.web.ssl.keystore.password", TestTls.PASSWORD));
        options.add(editConfigurationFilePut(web, "org.ops4j.pax.web.ssl.key.password", TestTls.PASSWORD));
        // The client-certificate option, as README describes it, for the justice ministry's gateway.
        options.add(editConfigurationFilePut(web, "org.ops4j.pax.web.ssl.clientauth.wanted", "true"));
        options.add(editConfigurationFilePut(web, "org.ops4j.pax.web.ssl.truststore",
                "${karaf.etc}/" + TestTls.AGENCIES));
        options.add(editConfigurationFilePut(web, "org.ops4j.pax.web.ssl.truststore.type", "PKCS12"));
        options.add(editConfigurationFilePut(web, "org.ops4j.pax.web.ssl.truststore.password", TestTls.PASSWORD));
        options.add(editConfigurationFilePut("etc/org.atalaya.agency-justice.cfg", "certificates",
                TestTls.JUSTICE_GATEWAY_SUBJECT));
        ACCOUNTS.forEach((account, group) -> options.add(
                editConfigurationFilePut("etc/users.properties", account, password(account) + ",_g_:" + group)));
        options.addAll(List.of(
            karafDistributionConfiguration().frameworkUrl(distribution).name("Atalaya")
                    .unpackDirectory(new File(work)).useDeployFolder(false),
            // Launched as bin/karaf launches it on Java 17.
            vmOptions(KARAF_JAVA_OPTIONS.toArray(new String[0])),
            // Kept under target/exam, so a failed run can be read afterwards (data/log/karaf.log).
            keepRuntimeFolder(),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            // Resolve from the local repository only: the build put everything there.
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    localRepository),
            editConfigurationFilePut("etc/users.properties", "atalaya-hub", HUB_PASSWORD + ",hub"),
            editConfigurationFilePut("etc/users.properties", "simulator",
                    password("simulator") + ",_g_:anprcameras,_g_:facecameras,_g_:citysensors"),
            editConfigurationFilePut("etc/org.atalaya.simulators.anpr.cfg", "user", "simulator"),
            editConfigurationFilePut("etc/org.atalaya.simulators.anpr.cfg", "password", password("simulator")),
            // The demo's cameras publish, but no sample hotlist that would give other ITs hits.
            editConfigurationFilePut("etc/org.atalaya.simulators.anpr.cfg", "importSampleHotlist", "false"),
            editConfigurationFilePut("etc/org.atalaya.simulators.anpr.cfg", "hitEvery", "0"),
            editConfigurationFilePut("etc/org.atalaya.simulators.face.cfg", "user", "simulator"),
            editConfigurationFilePut("etc/org.atalaya.simulators.face.cfg", "password", password("simulator")),
            editConfigurationFilePut("etc/org.atalaya.simulators.face.cfg", "matchesPerMinute", "600"),
            editConfigurationFilePut("etc/org.atalaya.runtime.cfg", "broker.password", HUB_PASSWORD),
            // The simulated ministry (started by VehicleRegistryIT) and the hub's connector to it,
            // with short waits so that the ITs see a sync, a retry and a breaker in seconds.
            editConfigurationFilePut(MINISTRY_SIMULATOR, "port", "${atalaya.ministry.port}"),
            editConfigurationFilePut(MINISTRY_SIMULATOR, "entries", "20000"),
            editConfigurationFilePut(MINISTRY_SIMULATOR, "changesPerMinute", "0"),
            editConfigurationFilePut(MINISTRY_SIMULATOR, "user", MINISTRY_ACCOUNT),
            editConfigurationFilePut(MINISTRY_SIMULATOR, "password", password(MINISTRY_ACCOUNT)),
            editConfigurationFilePut(REGISTRY_CONNECTOR, "address",
                    "http://127.0.0.1:${atalaya.ministry.port}/vehicle-registry/v1"),
            editConfigurationFilePut(REGISTRY_CONNECTOR, "user", MINISTRY_ACCOUNT),
            editConfigurationFilePut(REGISTRY_CONNECTOR, "password", password(MINISTRY_ACCOUNT)),
            editConfigurationFilePut(REGISTRY_CONNECTOR, "syncIntervalSeconds", "1"),
            editConfigurationFilePut(REGISTRY_CONNECTOR, "retryBackoffMillis", "100"),
            editConfigurationFilePut(REGISTRY_CONNECTOR, "breakerOpenSeconds", "1"),
            editConfigurationFilePut(REGISTRY_CONNECTOR, "noticeMaxBackoffSeconds", "1"),
            // Free ports for every listener.
            editConfigurationFilePut("etc/custom.system.properties", "atalaya.broker.port", freePort()),
            editConfigurationFilePut("etc/custom.system.properties", "atalaya.mqtt.port", freePort()),
            editConfigurationFilePut("etc/custom.system.properties", "atalaya.http.port", freePort()),
            editConfigurationFilePut("etc/custom.system.properties", "atalaya.https.port", freePort()),
            editConfigurationFilePut("etc/custom.system.properties", "atalaya.ministry.port", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
            // One reading at a time, in publishing order: a later reading's arrival then proves
            // that every earlier one has been processed (see fence()).
            editConfigurationFilePut("etc/org.atalaya.citysensors.cfg", "consumers", "1"),
            // Likewise for plate reads: alerts then reach a stream in the order the reads were sent.
            editConfigurationFilePut("etc/org.atalaya.anprcameras.cfg", "consumers", "1"),
            editConfigurationFilePut("etc/org.atalaya.correlation.anpr.cfg", "consumers", "1"),
            mavenBundle("org.eclipse.paho", "org.eclipse.paho.client.mqttv3").versionAsInProject()));
        return options.toArray(new Option[0]);
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        }
    }

    protected static int port(String name) {
        return Integer.parseInt(System.getProperty("atalaya." + name + ".port"));
    }

    /** Publishes like a device: MQTT 3.1.1, QoS 1, so the broker has it on disk on return. */
    protected static void publish(String user, String password, String topic, String payload) throws MqttException {
        MqttClient client = mqttClient(user, password);
        try {
            MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            client.publish(topic, message);
        } finally {
            client.disconnect();
            client.close();
        }
    }

    protected static MqttClient mqttClient(String user, String password) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port("mqtt"), "itest-" + UUID.randomUUID(),
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(user);
        options.setPassword(password.toCharArray());
        options.setCleanSession(true);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setConnectionTimeout(10);
        client.connect(options);
        return client;
    }

    protected static String reading(String id, String sensor, double temperature) {
        return """
                {"id":"%s","sensorId":"%s","kind":"weather","observedAt":"%s",
                 "measurements":[{"quantity":"air_temperature","value":%s,"unit":"Cel"}]}"""
                .formatted(id, sensor, Instant.now().minusSeconds(5), temperature);
    }

    protected static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** The inbound sensor queue, read only for the event with this id. */
    protected static String inboundSensorEvent(String id) {
        return "jms:queue:atalaya.in.sensors?selector=AtalayaEventId='" + id + "'";
    }

    /**
     * Publishes a reading from {@code sensor} and waits for it on the inbound address. With one
     * consumer on the sensors' subscription, everything the sensor published before it has been
     * processed by then.
     */
    protected void fence(String sensor) throws Exception {
        String id = uniqueId(sensor + "-fence");
        publish(CITY_SENSORS, password(CITY_SENSORS), "atalaya/sensors/" + sensor + "/readings", reading(id, sensor, 20));
        if (camel.createConsumerTemplate().receive(inboundSensorEvent(id), WAIT.toMillis()) == null) {
            throw new AssertionError("fence reading " + id + " did not arrive");
        }
    }

    /** Waits for a condition the test cannot be told about (a database write), re-checking it. */
    protected static void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /**
     * Runs a console command as the administrator logged in over ssh would (user {@code admin}
     * with the admin group's roles), and returns what it printed.
     */
    protected String executeCommand(String command) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Exception failed = runCommand(command, output);
        if (failed != null) {
            throw failed;
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    /** Runs a console command as {@link #executeCommand} does; what it printed, then its error, if any. */
    protected String executeFailingCommand(String command) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Exception failed = runCommand(command, output);
        return output.toString(StandardCharsets.UTF_8) + (failed == null ? "" : "Error: " + failed.getMessage());
    }

    private Exception runCommand(String command, ByteArrayOutputStream output) {
        Subject admin = new Subject();
        admin.getPrincipals().add(new UserPrincipal("admin"));
        for (String role : new String[] {"admin", "manager", "viewer", "systembundles", "ssh"}) {
            admin.getPrincipals().add(new RolePrincipal(role));
        }
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        try (Session session = sessionFactory.create(System.in, out, out)) {
            Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
            return null;
        } catch (PrivilegedActionException failed) {
            return failed.getException();
        }
    }
}
