package org.atalaya.benchmarks.load;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built distribution, run as its operators run it: unpacked into a folder of its own,
 * started with {@code bin/karaf server} (which runs {@code bin/atalaya-init} first), stopped
 * with SIGTERM, or killed with SIGKILL. Every listener is moved to a free loopback port, and every
 * account gets a password the harness knows.
 */
public final class Hub implements AutoCloseable {

    /** The accounts bin/atalaya-init creates; each gets {@code ATALAYA_<ACCOUNT>_PASSWORD}. */
    private static final List<String> ACCOUNTS = List.of("admin", "anpr-cameras", "face-cameras", "city-sensors",
            "local-police", "national-police", "interior-ministry", "justice", "fire-service", "ume",
            "city-operations", "data-protection-officer");

    /** The lowest port {@link #freePort()} hands out: above the well-known and most registered ones. */
    private static final int LOWEST_PORT = 20_000;
    /** The first port of the range the kernel picks from for a bind to port 0 or an outgoing connection. */
    private static final int EPHEMERAL_START = ephemeralStart(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final Random PORTS = new Random();

    private final Path home;
    private final Map<String, String> passwords = new HashMap<>();
    private final int brokerPort;
    private final int mqttPort;
    private final int httpsPort;
    private final int jmxRegistryPort;
    private final int jmxServerPort;
    private Process process;
    private Https https;

    private Hub(Path home) throws IOException {
        this.home = home;
        SecureRandom random = new SecureRandom();
        for (String account : ACCOUNTS) {
            byte[] secret = new byte[16];
            random.nextBytes(secret);
            passwords.put(account, "bench-" + HexFormat.of().formatHex(secret));
        }
        this.brokerPort = freePort();
        this.mqttPort = freePort();
        this.httpsPort = freePort();
        this.jmxRegistryPort = freePort();
        this.jmxServerPort = freePort();
    }

    /**
     * Unpacks {@code assembly} (the distribution's folder, {@code karaf-assembly/target/assembly})
     * into {@code home}, which must not exist yet, and moves its listeners to free ports.
     */
    public static Hub unpack(Path assembly, Path home) throws IOException, InterruptedException {
        if (!Files.isExecutable(assembly.resolve("bin/karaf"))) {
            throw new IllegalArgumentException(
                    assembly + " is not a built distribution: run ./mvnw install -DskipTests");
        }
        if (Files.exists(home)) {
            throw new IllegalArgumentException(home + " exists: the harness unpacks into a new folder");
        }
        Files.createDirectories(home.getParent());
        run(List.of("cp", "-a", assembly.toString(), home.toString()));
        Hub hub = new Hub(home);
        hub.configurePorts();
        return hub;
    }

    private void configurePorts() throws IOException {
        edit("etc/custom.system.properties", Map.of("atalaya.broker.port", brokerPort, "atalaya.mqtt.port", mqttPort,
                "atalaya.https.port", httpsPort, "atalaya.http.port", freePort()));
        edit("etc/org.apache.karaf.shell.cfg", Map.of("sshPort", freePort()));
        edit("etc/org.apache.karaf.management.cfg", Map.of("rmiRegistryPort", jmxRegistryPort,
                "rmiServerPort", jmxServerPort, "jmxmpPort", freePort()));
    }

    /** Sets {@code key = value} in an etc/ file, replacing the key's line or adding one. */
    public void edit(String file, Map<String, ?> settings) throws IOException {
        Path path = home.resolve(file);
        String text = Files.exists(path) ? Files.readString(path) : "";
        for (Map.Entry<String, ?> setting : settings.entrySet()) {
            Pattern line = Pattern.compile("(?m)^\\s*" + Pattern.quote(setting.getKey()) + "\\s*=.*$");
            String replacement = setting.getKey() + " = " + setting.getValue();
            Matcher matcher = line.matcher(text);
            text = matcher.find() ? matcher.replaceAll(Matcher.quoteReplacement(replacement))
                    : text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n") + replacement + "\n";
        }
        Files.writeString(path, text);
    }

    /** Starts the hub in the background and returns once it serves REST and MQTT. */
    public void start(Duration timeout) throws Exception {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the hub is running");
        }
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        for (Map.Entry<String, String> account : passwords.entrySet()) {
            builder.environment().put("ATALAYA_" + account.getKey().toUpperCase(Locale.ROOT).replace('-', '_')
                    + "_PASSWORD", account.getValue());
        }
        builder.environment().remove("KARAF_HOME");
        builder.environment().remove("KARAF_BASE");
        process = builder.start();
        awaitReady(timeout);
    }

    private void awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited with " + process.exitValue() + ": see "
                        + home.resolve("console.log") + " and " + home.resolve("data/log/karaf.log"));
            }
            try {
                if (Files.exists(home.resolve("etc/atalaya-tls.crt"))) {
                    // The ANPR endpoint answers 400 to an empty batch once its route is up: then
                    // the connector, its MQTT subscription and the correlation behind it are started.
                    HttpResponse<String> probe = https().post("/api/v1/anpr/reads", "anpr-cameras", "application/json",
                            "[]", Map.of());
                    if (probe.statusCode() == 400 && https().get("/api/v1/cameras", "admin").statusCode() == 200) {
                        return;
                    }
                }
            } catch (IOException notYet) {
                last = notYet;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("the hub was not ready within " + timeout + ": see "
                + home.resolve("data/log/karaf.log"), last);
    }

    /** SIGKILL to the hub's JVM: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        ProcessHandle root = process.toHandle();
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, then waits for the hub to stop on its own. */
    public void stop(Duration timeout) throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        javaProcess().ifPresent(ProcessHandle::destroy);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new IllegalStateException("the hub did not stop within " + timeout + "; killed");
        }
    }

    /** The hub's JVM: the karaf script's own process or its java child. */
    public Optional<ProcessHandle> javaProcess() {
        if (process == null) {
            return Optional.empty();
        }
        ProcessHandle root = process.toHandle();
        if (root.info().command().map(command -> command.endsWith("/java")).orElse(false)) {
            return Optional.of(root);
        }
        return root.descendants().filter(child -> child.info().command().map(command -> command.endsWith("/java"))
                .orElse(false)).findFirst();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public Https https() throws Exception {
        if (https == null) {
            https = new Https(URI.create("https://127.0.0.1:" + httpsPort), home.resolve("etc/atalaya-tls.crt"),
                    passwords);
        }
        return https;
    }

    public String password(String account) {
        return passwords.get(account);
    }

    public String mqttUri() {
        return "tcp://127.0.0.1:" + mqttPort;
    }

    /** The JMX service URL of the hub's management (an administrator's credentials). */
    public String jmxUrl() {
        return "service:jmx:rmi://127.0.0.1:" + jmxServerPort + "/jndi/rmi://127.0.0.1:" + jmxRegistryPort
                + "/karaf-root";
    }

    public Path home() {
        return home;
    }

    /** The hub's H2 database, which only a stopped hub leaves to others. */
    public String databaseUrl() {
        return h2Url("atalaya");
    }

    /** The hub's H2 read archive (the plate reads), which only a stopped hub leaves to others. */
    public String archiveUrl() {
        return h2Url("archive");
    }

    private String h2Url(String name) {
        return "jdbc:h2:file:" + home.resolve("data/atalaya").resolve(name) + ";ACCESS_MODE_DATA=r";
    }

    @Override
    public void close() throws InterruptedException {
        if (isRunning()) {
            stop(Duration.ofSeconds(60));
        }
    }

    /**
     * A loopback port free now, below the kernel's ephemeral range and not handed out before in
     * this process. A port the kernel picked for {@code bind(0)} would be back in that range once
     * closed, where a simulator's server or an outgoing connection opened before the hub binds it
     * may get it (a run lost its broker's acceptor to the ministry's server that way).
     */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = LOWEST_PORT + PORTS.nextInt(EPHEMERAL_START - LOWEST_PORT);
            if (!HANDED_OUT.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (BindException taken) {
                // another program's; try the next
            }
        }
        throw new IOException("no free loopback port between " + LOWEST_PORT + " and " + EPHEMERAL_START);
    }

    /**
     * The first port of Linux's ephemeral range ({@code ip_local_port_range}); 32768 where it
     * cannot be read, and no lower than 1,000 ports above {@link #LOWEST_PORT}, to leave a choice.
     */
    private static int ephemeralStart(Path range) {
        try {
            String[] ports = Files.readAllLines(range).get(0).trim().split("\\s+");
            return Math.max(LOWEST_PORT + 1000, Integer.parseInt(ports[0]));
        } catch (IOException | RuntimeException unknown) {
            return 32768;
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process copy = new ProcessBuilder(command).inheritIO().start();
        if (copy.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + copy.exitValue());
        }
    }
}
