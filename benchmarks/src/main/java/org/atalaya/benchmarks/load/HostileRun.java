package org.atalaya.benchmarks.load;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The hostile-input run: the built distribution, and for each of its ingresses (ANPR reads,
 * face matches and sensor readings over MQTT; ANPR reads, face matches, the hotlist, its CSV
 * import, the camera registry and face authorisations over REST; the SOAP consultation service)
 * {@code perIngress} inputs made by {@link HostileInputs} from {@code seed}, sent by the ingress's
 * own authenticated account (a few with no or wrong credentials). Each must get a clear refusal:
 * over HTTP a 4xx with a problem body, over SOAP a fault that blames the caller; over MQTT,
 * where the device only gets its PUBACK, its payload on the dead-letter address with the reason.
 * Only inputs that are valid as they stand may be accepted.
 *
 * <p>Between batches the hub must still serve: the camera registry answers, and a read of a
 * listed plate, over REST and over MQTT in turn, is alerted on the Local Police's stream. Its
 * memory is sampled then ({@code /proc} and the heap over JMX), and the heap it retains after a
 * full collection is compared at the start and the end. Headers named like Camel's must change
 * nothing: no address of the broker named after them, no request to the harness's canary URL
 * (which the entity attacks point at too), no file.
 *
 * <p>Anything else (a 5xx, a connection dropped, no answer, a hostile input accepted, a dead
 * letter missing or without its reason) is listed with the input's kind, an example is saved
 * under {@code examples/} in the run's folder, and the run exits with 1.
 *
 * {@code java -cp benchmarks/target/benchmarks.jar org.atalaya.benchmarks.load.HostileRun [key=value...]}
 */
public final class HostileRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern FAULT_CODE = Pattern.compile("<faultcode[^>]*>([^<]*)</faultcode>");
    private static final Pattern FAULT_STRING = Pattern.compile("<faultstring[^>]*>([^<]*)</faultstring>");
    private static final long RETAINED_GROWTH_LIMIT = 256L << 20;

    /** The run's settings, {@code key=value} on the command line. */
    record Options(Path assembly, Path work, int perIngress, long seed, int threads, int batches, int hugeMiB,
            List<String> ingresses) {

        static Options parse(String[] args) {
            Settings settings = new Settings(args);
            String only = settings.text("ingresses", "");
            // absolute: the hub's bin/karaf is started from within its own folder
            Options options = new Options(settings.assembly(), settings.work("hostile"),
                    settings.integer("perIngress", 1000), settings.number("seed", 20261121L),
                    settings.integer("threads", 4), settings.integer("batches", 4), settings.integer("hugeMiB", 6),
                    only.isBlank() ? List.of() : List.of(only.split(",")));
            settings.done();
            return options;
        }
    }

    /** How an input reaches an ingress. */
    enum Channel { MQTT, POST, PUT, SOAP }

    /**
     * One of the hub's ingresses.
     *
     * @param address       the MQTT topic or the HTTP path; {@code %s} is the input's device
     * @param route         the route that dead-letters what it refuses (MQTT)
     * @param subscription  the queue devices' messages wait in (MQTT)
     */
    record Ingress(String name, HostileInputs.Format format, Channel channel, String address, String account,
            String purpose, String caseReference, String contentType, String route, String subscription) {
    }

    static final List<Ingress> INGRESSES = List.of(
            new Ingress("anpr-mqtt", HostileInputs.Format.PLATE_READ, Channel.MQTT, "atalaya/anpr/%s/reads",
                    "anpr-cameras", null, null, null, "anpr-cameras-mqtt-1", "atalaya-anpr-cameras"),
            new Ingress("anpr-rest", HostileInputs.Format.PLATE_READ, Channel.POST, "/api/v1/anpr/reads",
                    "anpr-cameras", null, null, "application/json", null, null),
            new Ingress("face-mqtt", HostileInputs.Format.FACE_MATCH, Channel.MQTT, "atalaya/face/%s/matches",
                    "face-cameras", null, null, null, "face-cameras-mqtt", "atalaya-face-cameras"),
            new Ingress("face-rest", HostileInputs.Format.FACE_MATCH, Channel.POST, "/api/v1/face/matches",
                    "face-cameras", null, null, "application/json", null, null),
            new Ingress("sensors-mqtt", HostileInputs.Format.SENSOR_READING, Channel.MQTT,
                    "atalaya/sensors/%s/readings", "city-sensors", null, null, null, "city-sensors-readings",
                    "atalaya-city-sensors"),
            new Ingress("soap-consultation", HostileInputs.Format.SOAP_CONSULTATION, Channel.SOAP,
                    "/api/soap/consultation", "local-police", null, null, "text/xml; charset=UTF-8", null, null),
            new Ingress("hotlist", HostileInputs.Format.HOTLIST_ENTRY, Channel.POST, "/api/v1/hotlist",
                    "local-police", null, null, "application/json", null, null),
            new Ingress("hotlist-import", HostileInputs.Format.HOTLIST_CSV, Channel.POST,
                    "/api/v1/hotlist/import?source=hostile", "local-police", null, null, "text/csv", null, null),
            new Ingress("cameras", HostileInputs.Format.CAMERA, Channel.PUT, "/api/v1/cameras/%s", "admin", null,
                    null, "application/json", null, null),
            new Ingress("face-authorisations", HostileInputs.Format.AUTHORISATION, Channel.POST,
                    "/api/v1/face/authorisations", "justice", "judicial-authorisation", "JI-HX-2026-0001",
                    "application/json", null, null));

    /** What became of an input. */
    enum Result { REJECTED, DEAD_LETTERED, ACCEPTED, UNEXPECTED }

    /**
     * @param problem for an unexpected result, what kind of problem ("5xx", "no dead letter" ...)
     * @param detail  the answer, the reason, or what went wrong
     */
    record Outcome(int n, String kind, boolean valid, Result result, String problem, String detail) {
    }

    private final Options options;
    private final Report report;
    private final List<String> hubProblems = Collections.synchronizedList(new ArrayList<>());
    private Hub hub;
    private Https https;
    private HubManagement management;
    private DeadLetterWatch deadLetters;
    private BrokerQueues queues;
    private Canary canary;
    private AlertListener alerts;
    private MqttFleet fleet;
    private RestCameras restCameras;
    private long probes;
    private long pid;
    private long peakRssKib;
    private long peakHeap;

    HostileRun(Options options, Report report) {
        this.options = options;
        this.report = report;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        boolean clean = new HostileRun(options, new Report(options.work().resolve("report.txt"))).run();
        System.exit(clean ? 0 : 1);
    }

    /** Runs every ingress; true when nothing unexpected happened. */
    boolean run() throws Exception {
        report.line("hostile-input run: %s", options);
        report.line("machine: %d cores, %s %s, %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.vm.version"));
        Workload probeReads = new Workload("p", 1_000, 1, 0);
        Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();
        Map<String, HostileInputs> generators = new HashMap<>();
        long retainedAtStart;
        long retainedAtEnd;
        ProcessStats atStart;
        ProcessStats atEnd;
        try (Canary listening = Canary.start();
                Testbed testbed = Testbed.prepare(options.assembly(), options.work().resolve("hub"), 2, probeReads,
                        report)) {
            canary = listening;
            hub = testbed.hub();
            https = hub.https();
            pid = hub.javaProcess().orElseThrow().pid();
            try (HubManagement jmx = new HubManagement(hub);
                    DeadLetterWatch dlq = DeadLetterWatch.open(hub);
                    BrokerQueues brokerQueues = new BrokerQueues(hub);
                    AlertListener stream = AlertListener.open(https, "local-police", probeReads);
                    MqttFleet probeCameras = testbed.mqttCameras(probeReads, 4, n -> { })) {
                management = jmx;
                deadLetters = dlq;
                queues = brokerQueues;
                alerts = stream;
                fleet = probeCameras;
                restCameras = testbed.restCameras(probeReads);
                List<String> cameras = List.of("bench-cam-000", "bench-cam-001");
                Set<String> addressesBefore = management.addresses();
                probe("start");
                retainedAtStart = management.heapRetained();
                atStart = ProcessStats.of(pid);
                report.line("hub at start: RSS %,d MiB, heap retained after a full GC %,d MiB of %,d MiB",
                        atStart.rssKib() / 1024, retainedAtStart >> 20, management.heapMax() >> 20);
                for (Ingress ingress : INGRESSES) {
                    if (!options.ingresses().isEmpty() && !options.ingresses().contains(ingress.name())) {
                        continue;
                    }
                    HostileInputs inputs = new HostileInputs(options.seed(), ingress.format(),
                            ingress.channel() == Channel.MQTT, cameras, canary.url(), options.hugeMiB() << 20,
                            ingress.account(), hub.password(ingress.account()));
                    generators.put(ingress.name(), inputs);
                    report.line("%s: kinds drawn %s", ingress.name(), inputs.kindsDrawn());
                    long started = System.nanoTime();
                    outcomes.put(ingress.name(), ingress.channel() == Channel.MQTT ? mqtt(ingress, inputs)
                            : http(ingress, inputs));
                    report.line("%s: %,d inputs in %.1f s", ingress.name(), options.perIngress(),
                            Testbed.seconds(started));
                }
                retainedAtEnd = management.heapRetained();
                atEnd = ProcessStats.of(pid);
                peakRssKib = Math.max(peakRssKib, atEnd.peakRssKib());
                checkSideEffects(addressesBefore);
                checkDownstreamDeadLetters();
            }
            long stopping = System.nanoTime();
            hub.stop(Duration.ofMinutes(2));
            report.line("hub stopped in %.1f s", Testbed.seconds(stopping));
            stored(outcomes, generators);
        }
        summary(outcomes, atStart, atEnd, retainedAtStart, retainedAtEnd);
        long unexpected = outcomes.values().stream().flatMap(List::stream)
                .filter(outcome -> outcome.result() == Result.UNEXPECTED).count() + hubProblems.size();
        report.line("VERDICT %s: %,d unexpected outcomes, %d problems of the hub as a whole",
                unexpected == 0 ? "CLEAN" : "FOUND PROBLEMS", unexpected - hubProblems.size(), hubProblems.size());
        return unexpected == 0;
    }

    /** Sends an HTTP ingress's inputs, {@code threads} at a time, in batches with a probe after each. */
    private List<Outcome> http(Ingress ingress, HostileInputs inputs) throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(options.threads());
        try {
            int batch = (options.perIngress() + options.batches() - 1) / options.batches();
            for (int first = 0; first < options.perIngress(); first += batch) {
                List<Future<Outcome>> sent = new ArrayList<>();
                for (int n = first; n < Math.min(options.perIngress(), first + batch); n++) {
                    int input = n;
                    sent.add(senders.submit(() -> send(ingress, inputs.input(input))));
                }
                for (Future<Outcome> outcome : sent) {
                    outcomes.add(outcome.get());
                }
                probe(ingress.name() + " " + Math.min(options.perIngress(), first + batch));
            }
        } finally {
            senders.shutdownNow();
        }
        saveExamples(ingress, inputs, outcomes);
        return outcomes;
    }

    /** Where an HTTP input is sent: its ingress's address, with the device it names. */
    static String path(Ingress ingress, HostileInputs.Input input) {
        if (ingress.address().contains("%s")) {
            return ingress.address().formatted(input.device());
        }
        // an ONVIF event names no camera: a REST post names it in the URL, as a camera site's gateway does
        return onvif(input) ? ingress.address() + "?camera=" + input.device() : ingress.address();
    }

    /** Whether an input is an ONVIF event (XML), not the ingress's own format. */
    static boolean onvif(HostileInputs.Input input) {
        return input.kind().endsWith("(ONVIF)");
    }

    private Outcome send(Ingress ingress, HostileInputs.Input input) {
        String path = path(ingress, input);
        String account = input.caller() == HostileInputs.Caller.ACCOUNT && ingress.channel() != Channel.SOAP
                ? ingress.account() : null;
        HttpRequest.Builder request = https.request(path, account).timeout(ANSWER_TIMEOUT);
        if (input.caller() == HostileInputs.Caller.WRONG_PASSWORD) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (ingress.account() + ":wrong-password").getBytes(StandardCharsets.UTF_8)));
        }
        if (ingress.purpose() != null) {
            request.setHeader("X-Purpose", ingress.purpose());
        }
        if (ingress.caseReference() != null) {
            request.header("X-Case-Reference", ingress.caseReference());
        }
        request.header("Content-Type", onvif(input) ? "application/xml" : ingress.contentType());
        if (ingress.channel() == Channel.SOAP) {
            request.header("SOAPAction", "\"\"");
        }
        for (Map.Entry<String, String> header : input.headers()) {
            request.header(header.getKey(), header.getValue());
        }
        request.method(ingress.channel() == Channel.PUT ? "PUT" : "POST",
                HttpRequest.BodyPublishers.ofByteArray(input.body()));
        HttpResponse<String> answer;
        try {
            answer = https.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException silent) {
            return unexpected(input, "no answer", "no answer within " + ANSWER_TIMEOUT.toSeconds() + " s");
        } catch (IOException failed) {
            return unexpected(input, "connection failed", failed.toString());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return unexpected(input, "interrupted", "the harness was interrupted");
        }
        return ingress.channel() == Channel.SOAP ? soapOutcome(input, answer) : restOutcome(ingress, input, answer);
    }

    private static Outcome restOutcome(Ingress ingress, HostileInputs.Input input, HttpResponse<String> answer) {
        int status = answer.statusCode();
        String problem = problemDetail(answer);
        if (input.caller() != HostileInputs.Caller.ACCOUNT) {
            return status == 401 && problem != null ? outcome(input, Result.REJECTED, "401: " + problem)
                    : unexpected(input, "not 401", status + ": " + excerpt(answer.body()));
        }
        if (status / 100 == 2) {
            if (ingress.format() == HostileInputs.Format.HOTLIST_CSV && !input.valid()) {
                return importOutcome(input, answer);
            }
            return input.valid() ? outcome(input, Result.ACCEPTED, Integer.toString(status))
                    : unexpected(input, "hostile input accepted", status + ": " + excerpt(answer.body()));
        }
        if (status / 100 == 4) {
            return problem != null ? outcome(input, Result.REJECTED, status + ": " + problem)
                    : unexpected(input, "4xx without a problem body", status + ": " + excerpt(answer.body()));
        }
        return unexpected(input, status / 100 + "xx", status + ": " + excerpt(answer.body()));
    }

    /** A CSV import answers 200 with the rows it refused: refused when it took none. */
    private static Outcome importOutcome(HostileInputs.Input input, HttpResponse<String> answer) {
        try {
            JsonNode result = JSON.readTree(answer.body());
            long taken = result.path("added").asLong() + result.path("replaced").asLong();
            JsonNode rejected = result.path("rejected");
            if (taken == 0) {
                return outcome(input, Result.REJECTED, "200, nothing imported" + (rejected.isEmpty() ? ""
                        : ": " + rejected.size() + " rows refused, e.g. " + rejected.get(0).asText()));
            }
            return unexpected(input, "hostile input accepted", "200: " + taken + " entries imported");
        } catch (IOException notJson) {
            return unexpected(input, "hostile input accepted", "200: " + excerpt(answer.body()));
        }
    }

    private static Outcome soapOutcome(HostileInputs.Input input, HttpResponse<String> answer) {
        Matcher code = FAULT_CODE.matcher(answer.body());
        if (code.find()) {
            Matcher reason = FAULT_STRING.matcher(answer.body());
            String text = code.group(1) + ": " + (reason.find() ? reason.group(1) : "(no faultstring)");
            String local = code.group(1).substring(code.group(1).indexOf(':') + 1);
            if (local.equals("Server") || local.equals("Receiver") || local.equals("ServiceUnavailable")) {
                return unexpected(input, "fault blaming the hub", answer.statusCode() + " " + text);
            }
            return outcome(input, Result.REJECTED, answer.statusCode() + " " + text);
        }
        if (answer.statusCode() / 100 == 2) {
            return input.valid() ? outcome(input, Result.ACCEPTED, "200")
                    : unexpected(input, "hostile input accepted", "200: " + excerpt(answer.body()));
        }
        return unexpected(input, "no SOAP fault", answer.statusCode() + ": " + excerpt(answer.body()));
    }

    /** The detail of a problem body ({@code application/problem+json}), or null when the answer is none. */
    private static String problemDetail(HttpResponse<String> answer) {
        if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return null;
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            String detail = problem.path("detail").asText("");
            return detail.isBlank() ? null : detail;
        } catch (IOException notJson) {
            return null;
        }
    }

    /**
     * Publishes an MQTT ingress's inputs, each as its device, in batches with a probe after each;
     * then waits for the hub to work them off and matches its dead letters to them.
     */
    private List<Outcome> mqtt(Ingress ingress, HostileInputs inputs) throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Deque<HostileInputs.Input>> awaited = new HashMap<>();
        Map<String, Deque<HostileInputs.Input>> validSent = new HashMap<>();
        MqttDevice device = null;
        int connections = 0;
        int batch = (options.perIngress() + options.batches() - 1) / options.batches();
        long maximumPacket = -1;
        int closedOverMaximum = 0;
        try {
            for (int n = 0; n < options.perIngress(); n++) {
                HostileInputs.Input input = inputs.input(n);
                if (device == null || !device.connected()) {
                    try {
                        device = MqttDevice.connect("127.0.0.1", Integer.parseInt(hub.mqttUri()
                                .substring(hub.mqttUri().lastIndexOf(':') + 1)), "hostile-" + ingress.name() + "-"
                                + ++connections, ingress.account(), hub.password(ingress.account()), ANSWER_TIMEOUT);
                        maximumPacket = device.maximumPacketSize();
                    } catch (IOException refused) {
                        device = null;
                        outcomes.add(unexpected(input, "could not connect", refused.getMessage()));
                        continue;
                    }
                }
                MqttDevice.Answer answer = device.publish(ingress.address().formatted(input.device()), input.body(),
                        input.headers());
                switch (answer.kind()) {
                    case ACCEPTED -> (input.valid() ? validSent : awaited)
                            .computeIfAbsent(DeadLetterWatch.digest(input.body()), digest -> new ArrayDeque<>())
                            .add(withoutBody(input));
                    case REFUSED -> outcomes.add(outcome(input, Result.REJECTED, "broker refused: " + answer.detail()));
                    case LOST -> {
                        if (maximumPacket > 0 && input.body().length > maximumPacket) {
                            // over the size the CONNACK announced: the broker must close the connection and
                            // should say why first; its DISCONNECT 0x95 can lose the race with the close
                            closedOverMaximum++;
                            outcomes.add(outcome(input, Result.REJECTED, "broker closed the connection: a packet "
                                    + "over the maximum the CONNACK announced, without its DISCONNECT 0x95"));
                        } else {
                            outcomes.add(unexpected(input, "connection lost", answer.detail()));
                        }
                    }
                }
                if ((n + 1) % batch == 0 || n + 1 == options.perIngress()) {
                    probe(ingress.name() + " " + (n + 1));
                }
            }
        } finally {
            if (device != null) {
                device.close();
            }
        }
        report.line("%s: %d MQTT connections; the broker's maximum packet size %,d bytes; %d packets over it "
                + "refused by a closed connection without DISCONNECT 0x95", ingress.name(), connections, maximumPacket,
                closedOverMaximum);
        int expected = awaited.values().stream().mapToInt(Deque::size).sum();
        awaitDeadLetters(ingress, expected);
        boolean shown = false;
        for (DeadLetterWatch.DeadLetter letter : deadLetters.received()) {
            if (!ingress.route().equals(letter.route())) {
                continue;
            }
            Deque<HostileInputs.Input> hostile = awaited.get(letter.digest());
            Deque<HostileInputs.Input> valid = validSent.get(letter.digest());
            if (hostile != null && !hostile.isEmpty()) {
                HostileInputs.Input input = hostile.poll();
                if (!shown && !input.headers().isEmpty()) {
                    shown = true;
                    report.line("%s: input #%d, published with the user properties %s, was dead-lettered with the "
                            + "properties %s", ingress.name(), input.n(), input.headers(), letter.properties());
                }
                outcomes.add(deadLettered(input, letter));
            } else if (valid != null && !valid.isEmpty()) {
                outcomes.add(deadLettered(valid.poll(), letter));
            } else {
                hubProblems.add(ingress.name() + ": a dead letter that matches no input sent (" + letter.size()
                        + " bytes, reason " + letter.reason() + ")");
            }
        }
        awaited.values().forEach(left -> left.forEach(input -> outcomes.add(unexpected(input, "hostile input accepted",
                "PUBACK, and no dead letter: the hub took it"))));
        validSent.values().forEach(left -> left.forEach(input -> outcomes.add(outcome(input, Result.ACCEPTED,
                "PUBACK, not dead-lettered"))));
        outcomes.sort(java.util.Comparator.comparingInt(Outcome::n));
        saveExamples(ingress, inputs, outcomes);
        return outcomes;
    }

    /** Waits until the ingress's subscription is empty and its dead letters stop coming. */
    private void awaitDeadLetters(Ingress ingress, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (queues.depth(ingress.subscription()) > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        long count = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = deadLetters.received().stream().filter(letter -> ingress.route().equals(letter.route())).count();
            if (now != count) {
                count = now;
                stableSince = System.nanoTime();
            }
            long stable = System.nanoTime() - stableSince;
            if ((count >= expected && stable > TimeUnit.SECONDS.toNanos(2)) || stable > TimeUnit.SECONDS.toNanos(15)) {
                break;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        report.line("%s: subscription %s holds %d; %d dead letters from %s, %d expected", ingress.name(),
                ingress.subscription(), queues.depth(ingress.subscription()), count, ingress.route(), expected);
    }

    private static Outcome deadLettered(HostileInputs.Input input, DeadLetterWatch.DeadLetter letter) {
        if (letter.reason() == null || letter.reason().isBlank()) {
            return unexpected(input, "dead letter without a reason", "type " + letter.type());
        }
        if (letter.type() == null || !letter.type().endsWith("RejectedEvent")) {
            return unexpected(input, "dead-lettered after a failure, not a refusal",
                    letter.type() + ": " + letter.reason());
        }
        return outcome(input, Result.DEAD_LETTERED, letter.reason());
    }

    /**
     * The hub still serves: the camera registry answers, and a read of a listed plate (over REST
     * and MQTT in turn) is alerted on the stream. Samples the hub's memory.
     */
    private void probe(String after) {
        long start = System.nanoTime();
        String registry;
        try {
            HttpResponse<String> cameras = https.get("/api/v1/cameras", "admin");
            registry = Integer.toString(cameras.statusCode());
            if (cameras.statusCode() != 200) {
                hubProblems.add("after " + after + ": GET /api/v1/cameras answered " + cameras.statusCode());
            }
        } catch (IOException | InterruptedException failed) {
            registry = failed.toString();
            hubProblems.add("after " + after + ": GET /api/v1/cameras failed: " + failed);
        }
        long n = probes++;
        boolean overRest = n % 2 == 0;
        String alerted;
        try {
            alerts.sent(n);
            boolean sent = overRest ? restCameras.post(new long[] {n}) : fleet.send(n) && fleet.drain(30_000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (sent && alerts.hits() <= n && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            if (!sent) {
                alerted = "not accepted";
                hubProblems.add("after " + after + ": a valid read was not accepted over "
                        + (overRest ? "REST" : "MQTT"));
            } else if (alerts.hits() <= n) {
                alerted = "not alerted within 60 s";
                hubProblems.add("after " + after + ": a hit read over " + (overRest ? "REST" : "MQTT")
                        + " was not alerted within 60 s");
            } else {
                alerted = String.format(Locale.ROOT, "alerted in %.2f s", Testbed.seconds(start));
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            alerted = "interrupted";
        } catch (RuntimeException refused) {
            alerted = refused.getMessage();
            hubProblems.add("after " + after + ": a hit read was refused: " + refused.getMessage());
        }
        try {
            ProcessStats stats = ProcessStats.of(pid);
            long heap = management.heapUsed();
            peakRssKib = Math.max(peakRssKib, Math.max(stats.rssKib(), stats.peakRssKib()));
            peakHeap = Math.max(peakHeap, heap);
            report.line("  probe after %s: cameras %s; hit over %s %s; RSS %,d MiB, heap in use %,d MiB", after,
                    registry, overRest ? "REST" : "MQTT", alerted, stats.rssKib() / 1024, heap >> 20);
        } catch (IOException | RuntimeException gone) {
            hubProblems.add("after " + after + ": the hub's memory could not be read: " + gone);
        }
    }

    /**
     * What the stopped hub's database holds of the ANPR reads and face matches it took from
     * hostile inputs: each such outcome says whether the input was stored.
     */
    private void stored(Map<String, List<Outcome>> outcomes, Map<String, HostileInputs> generators)
            throws SQLException {
        Set<String> reads = new HashSet<>();
        Set<String> matches = new HashSet<>();
        try (Connection archive = DriverManager.getConnection(hub.archiveUrl(), "atalaya", "");
                Statement query = archive.createStatement();
                ResultSet rows = query.executeQuery("SELECT id, plate FROM plate_read")) {
            while (rows.next()) {
                reads.add(rows.getString(1));
                reads.add(rows.getString(2));
            }
        }
        try (Connection db = DriverManager.getConnection(hub.databaseUrl(), "atalaya", "");
                Statement query = db.createStatement()) {
            try (ResultSet rows = query.executeQuery("SELECT id, image_ref FROM face_match_held UNION ALL "
                    + "SELECT id, image_ref FROM face_match_delivered")) {
                while (rows.next()) {
                    matches.add(rows.getString(1));
                    matches.add(rows.getString(2));
                }
            }
        }
        for (Map.Entry<String, List<Outcome>> ingress : outcomes.entrySet()) {
            boolean anpr = ingress.getKey().startsWith("anpr-");
            boolean face = ingress.getKey().startsWith("face-") && !ingress.getKey().equals("face-authorisations");
            if (!anpr && !face) {
                continue;
            }
            ingress.getValue().replaceAll(outcome -> {
                if (!"hostile input accepted".equals(outcome.problem())) {
                    return outcome;
                }
                Set<String> records = anpr ? reads : matches;
                boolean kept = generators.get(ingress.getKey()).storedKeys(outcome.n()).stream()
                        .anyMatch(records::contains);
                return new Outcome(outcome.n(), outcome.kind(), outcome.valid(), outcome.result(), outcome.problem(),
                        outcome.detail() + (kept ? "; stored" : "; not in the database"));
            });
        }
    }

    /** Headers named like Camel's must have steered nothing: no new address, no fetch, no file. */
    private void checkSideEffects(Set<String> addressesBefore) throws IOException {
        Set<String> added = new TreeSet<>(management.addresses());
        added.removeAll(addressesBefore);
        report.line("addresses created on the broker during the run: %s", added.isEmpty() ? "none" : added);
        for (String address : added) {
            if (address.contains(HostileInputs.SINK)) {
                hubProblems.add("a header steered a message: the broker has an address " + address);
            }
        }
        List<String> fetched = canary.requests();
        report.line("requests to the canary URL (entities, DTDs, XInclude, stylesheets, camelHttpUri): %d%s",
                fetched.size(), fetched.isEmpty() ? "" : " " + fetched.subList(0, Math.min(10, fetched.size())));
        if (!fetched.isEmpty()) {
            hubProblems.add("the hub fetched the canary URL " + fetched.size() + " times, e.g. " + fetched.get(0));
        }
        try (Stream<Path> files = Files.walk(hub.home())) {
            List<Path> planted = files.filter(file -> file.getFileName().toString().contains("hostile")).toList();
            if (!planted.isEmpty()) {
                hubProblems.add("files named after a header: " + planted);
            }
        }
    }

    /** A dead letter of a route behind the edge means a hostile input got through and failed later. */
    private void checkDownstreamDeadLetters() {
        Set<String> edgeRoutes = new TreeSet<>();
        INGRESSES.stream().map(Ingress::route).filter(java.util.Objects::nonNull).forEach(edgeRoutes::add);
        Map<String, Integer> downstream = new LinkedHashMap<>();
        for (DeadLetterWatch.DeadLetter letter : deadLetters.received()) {
            if (!edgeRoutes.contains(letter.route())) {
                downstream.merge(letter.route() + ": " + letter.type() + ": " + letter.reason(), 1, Integer::sum);
            }
        }
        downstream.forEach((what, count) -> hubProblems.add(count + " dead letter(s) from behind the edge, " + what));
        report.line("dead letters received in all: %,d (%,d from behind the edge)", deadLetters.received().size(),
                downstream.values().stream().mapToInt(Integer::intValue).sum());
    }

    private void summary(Map<String, List<Outcome>> outcomes, ProcessStats atStart, ProcessStats atEnd,
            long retainedAtStart, long retainedAtEnd) {
        report.line("MEMORY RSS at start %,d MiB, peak %,d MiB, at end %,d MiB; heap in use at most %,d MiB; "
                + "retained after a full GC %,d MiB at start, %,d MiB at end", atStart.rssKib() / 1024,
                peakRssKib / 1024, atEnd.rssKib() / 1024, peakHeap >> 20, retainedAtStart >> 20, retainedAtEnd >> 20);
        if (retainedAtEnd - retainedAtStart > RETAINED_GROWTH_LIMIT) {
            hubProblems.add(String.format(Locale.ROOT, "the heap retained grew by %,d MiB",
                    (retainedAtEnd - retainedAtStart) >> 20));
        }
        for (Map.Entry<String, List<Outcome>> ingress : outcomes.entrySet()) {
            Map<String, List<Outcome>> byKind = new java.util.TreeMap<>();
            ingress.getValue().forEach(outcome -> byKind.computeIfAbsent(outcome.kind(), k -> new ArrayList<>())
                    .add(outcome));
            for (Map.Entry<String, List<Outcome>> kind : byKind.entrySet()) {
                Map<Result, Long> counts = count(kind.getValue());
                String example = kind.getValue().stream().filter(o -> o.result() != Result.ACCEPTED)
                        .map(Outcome::detail).findFirst().orElse("");
                report.line("KIND %-20s %-42s %4d sent: %4d rejected, %4d dead-lettered, %4d accepted, "
                        + "%3d unexpected%s",
                        ingress.getKey(), kind.getKey(), kind.getValue().size(), counts.get(Result.REJECTED),
                        counts.get(Result.DEAD_LETTERED), counts.get(Result.ACCEPTED), counts.get(Result.UNEXPECTED),
                        example.isEmpty() ? "" : "; e.g. " + excerpt(example));
            }
        }
        report.line("TABLE %-20s %6s %9s %14s %17s %11s %13s", "ingress", "sent", "rejected", "dead-lettered",
                "accepted (valid)", "unexpected", "valid refused");
        long[] total = new long[6];
        for (Map.Entry<String, List<Outcome>> ingress : outcomes.entrySet()) {
            Map<Result, Long> counts = count(ingress.getValue());
            long validRefused = ingress.getValue().stream()
                    .filter(o -> o.valid() && (o.result() == Result.REJECTED || o.result() == Result.DEAD_LETTERED))
                    .count();
            long[] row = {ingress.getValue().size(), counts.get(Result.REJECTED), counts.get(Result.DEAD_LETTERED),
                counts.get(Result.ACCEPTED), counts.get(Result.UNEXPECTED), validRefused};
            for (int i = 0; i < row.length; i++) {
                total[i] += row[i];
            }
            report.line("TABLE %-20s %,6d %,9d %,14d %,17d %,11d %,13d", ingress.getKey(), row[0], row[1], row[2],
                    row[3], row[4], row[5]);
        }
        report.line("TABLE %-20s %,6d %,9d %,14d %,17d %,11d %,13d", "total", total[0], total[1], total[2], total[3],
                total[4], total[5]);
        for (Map.Entry<String, List<Outcome>> ingress : outcomes.entrySet()) {
            Map<String, List<Outcome>> groups = new LinkedHashMap<>();
            ingress.getValue().stream().filter(o -> o.result() == Result.UNEXPECTED)
                    .forEach(o -> groups.computeIfAbsent(o.kind() + " | " + o.problem(), k -> new ArrayList<>())
                            .add(o));
            groups.forEach((group, list) -> report.line("UNEXPECTED %s | %s: %d, e.g. #%s: %s", ingress.getKey(),
                    group, list.size(), list.stream().limit(5).map(o -> Integer.toString(o.n()))
                            .reduce((a, b) -> a + ", #" + b).orElse(""), excerpt(list.get(0).detail())));
        }
        hubProblems.forEach(problem -> report.line("UNEXPECTED hub | %s", problem));
    }

    private static Map<Result, Long> count(List<Outcome> outcomes) {
        Map<Result, Long> counts = new java.util.EnumMap<>(Result.class);
        for (Result result : Result.values()) {
            counts.put(result, 0L);
        }
        outcomes.forEach(outcome -> counts.merge(outcome.result(), 1L, Long::sum));
        return counts;
    }

    /** Writes the first inputs of each unexpected kind of outcome to {@code examples/}, to send again by hand. */
    private void saveExamples(Ingress ingress, HostileInputs inputs, List<Outcome> outcomes) throws IOException {
        Map<String, Integer> saved = new HashMap<>();
        for (Outcome outcome : outcomes) {
            if (outcome.result() != Result.UNEXPECTED
                    || saved.merge(outcome.kind() + outcome.problem(), 1, Integer::sum) > 3) {
                continue;
            }
            HostileInputs.Input input = inputs.input(outcome.n());
            Path file = options.work().resolve("examples").resolve(ingress.name() + "-" + outcome.n() + ".bin");
            Files.createDirectories(file.getParent());
            Files.write(file, input.body().length > (1 << 20) ? Arrays.copyOf(input.body(), 1 << 16) : input.body());
            Files.writeString(file.resolveSibling(ingress.name() + "-" + outcome.n() + ".txt"),
                    "kind: " + outcome.kind() + "\nheaders: " + input.headers() + "\ncaller: " + input.caller()
                            + "\ndevice: " + input.device() + "\nsize: " + input.body().length + "\noutcome: "
                            + outcome.problem() + ": " + outcome.detail() + "\n");
        }
    }

    private static HostileInputs.Input withoutBody(HostileInputs.Input input) {
        return new HostileInputs.Input(input.n(), input.kind(), new byte[0], input.headers(), input.valid(),
                input.caller(), input.device());
    }

    private static Outcome outcome(HostileInputs.Input input, Result result, String detail) {
        return new Outcome(input.n(), input.kind(), input.valid(), result, null, detail);
    }

    private static Outcome unexpected(HostileInputs.Input input, String problem, String detail) {
        return new Outcome(input.n(), input.kind(), input.valid(), Result.UNEXPECTED, problem, detail);
    }

    private static String excerpt(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }

    /**
     * An HTTP listener on the harness that records every request: a hub that fetched an external
     * entity, a DTD, an XInclude, a stylesheet or a header's URL is caught here.
     */
    private static final class Canary implements AutoCloseable {

        private final HttpServer server;
        private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

        private Canary(HttpServer server) {
            this.server = server;
        }

        static Canary start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            Canary canary = new Canary(server);
            server.createContext("/", exchange -> {
                canary.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                byte[] answer = "<!ENTITY canary \"fetched\">".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            server.start();
            return canary;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        List<String> requests() {
            synchronized (requests) {
                return List.copyOf(requests);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
