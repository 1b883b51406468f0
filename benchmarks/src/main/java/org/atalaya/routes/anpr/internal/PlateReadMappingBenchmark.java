package org.atalaya.routes.anpr.internal;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.geo.GeoPoint;
import org.atalaya.simulators.anpr.internal.BenchmarkCameraReads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Camera payloads mapped to canonical {@link PlateRead}s per second, on one thread, by the ANPR
 * connector's own parser with its default limits: one Atalaya JSON read and one ONVIF Profile M
 * event as a camera publishes them over MQTT (the topic names the camera), and a batch of 50 JSON
 * reads as {@code POST /api/v1/anpr/reads} receives it, scored per read. The payloads are the
 * simulator's, byte for byte, from its plate generator; each benchmark cycles through 1,024 reads
 * (64 batches), so no two consecutive calls map the same bytes. In the package of the parser,
 * which is package-private. The camera lookup is a map here; in the hub it is a query on the
 * camera registry, not measured here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class PlateReadMappingBenchmark {

    static final int BATCH = 50;
    private static final int READS = 1 << 10;
    private static final int BATCHES = 1 << 6;
    private static final long SEED = 38_000L;
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    /** Sites from the distribution's {@code etc/atalaya-cameras.csv}: border approaches and town. */
    private static final List<Camera> CAMERAS = List.of(
            new Camera("ceu-tarajal-in", "Frontera del Tarajal, entrada", new GeoPoint(35.8722, -5.3426), 200, true),
            new Camera("ceu-tarajal-out", "Frontera del Tarajal, salida", new GeoPoint(35.8728, -5.3421), 20, true),
            new Camera("ceu-martinez-catena", "Avenida Martínez Catena, hacia el Tarajal",
                    new GeoPoint(35.8780, -5.3335), 55, true),
            new Camera("ceu-avenida-espana", "Avenida de España", new GeoPoint(35.8838, -5.3262), 215, false),
            new Camera("ceu-puertas-del-campo", "Puertas del Campo", new GeoPoint(35.8858, -5.3240), 270, false),
            new Camera("ceu-port-arrivals", "Estación Marítima, salida del puerto", new GeoPoint(35.8896, -5.3168),
                    90, false),
            new Camera("ceu-san-amaro", "Carretera de San Amaro", new GeoPoint(35.8928, -5.3040), 90, false),
            new Camera("ceu-benzu", "Benzú, carretera de la frontera", new GeoPoint(35.9150, -5.3772), 250, true));

    private PlateReadParser parser;
    private byte[][] jsonReads;
    private String[] jsonTopics;
    private byte[][] onvifReads;
    private String[] onvifTopics;
    private byte[][] restBatches;
    private int next;

    @Setup(Level.Trial)
    public void generateReads() {
        Map<String, Camera> sites = CAMERAS.stream().collect(Collectors.toMap(Camera::id, Function.identity()));
        AnprCamerasConfiguration defaults = defaults();
        parser = new PlateReadParser(defaults.maxPayloadBytes(), Duration.ofSeconds(defaults.maxClockSkewSeconds()),
                Duration.ofHours(defaults.maxAgeHours()), Clock.fixed(NOW, ZoneOffset.UTC),
                id -> Optional.ofNullable(sites.get(id)));

        BenchmarkCameraReads cameras = new BenchmarkCameraReads(SEED);
        SplittableRandom random = new SplittableRandom(SEED + 1);
        jsonReads = new byte[READS][];
        jsonTopics = new String[READS];
        onvifReads = new byte[READS][];
        onvifTopics = new String[READS];
        for (int i = 0; i < READS; i++) {
            Camera camera = CAMERAS.get(random.nextInt(CAMERAS.size()));
            jsonReads[i] = cameras.json(camera, capturedAt(random));
            jsonTopics[i] = camera.id();
            camera = CAMERAS.get(random.nextInt(CAMERAS.size()));
            onvifReads[i] = cameras.onvif(camera, capturedAt(random));
            onvifTopics[i] = camera.id();
        }
        // A site posts the reads it has buffered: one camera per batch.
        restBatches = new byte[BATCHES][];
        for (int b = 0; b < BATCHES; b++) {
            Camera camera = CAMERAS.get(b % CAMERAS.size());
            StringJoiner batch = new StringJoiner(",", "[", "]");
            for (int i = 0; i < BATCH; i++) {
                batch.add(new String(cameras.json(camera, capturedAt(random)), StandardCharsets.UTF_8));
            }
            restBatches[b] = batch.toString().getBytes(StandardCharsets.UTF_8);
        }
        // Every payload must map: a refused one would measure the refusal instead.
        for (int i = 0; i < READS; i++) {
            parser.parse(jsonReads[i], jsonTopics[i]);
            parser.parse(onvifReads[i], onvifTopics[i]);
        }
        for (byte[] batch : restBatches) {
            if (parser.parse(batch, null).size() != BATCH) {
                throw new IllegalStateException("a batch did not map to " + BATCH + " reads");
            }
        }
    }

    @Benchmark
    public PlateRead jsonRead() {
        int i = next++ & (READS - 1);
        return parser.parse(jsonReads[i], jsonTopics[i]).get(0);
    }

    @Benchmark
    public PlateRead onvifRead() {
        int i = next++ & (READS - 1);
        return parser.parse(onvifReads[i], onvifTopics[i]).get(0);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<PlateRead> restBatchPerRead() {
        return parser.parse(restBatches[next++ & (BATCHES - 1)], null);
    }

    /** Up to 10 minutes before the hub's clock, to the millisecond, as cameras stamp them. */
    private static Instant capturedAt(SplittableRandom random) {
        return NOW.minusMillis(random.nextLong(600_000));
    }

    /** The connector's configuration as shipped: the annotation's defaults. */
    private static AnprCamerasConfiguration defaults() {
        return (AnprCamerasConfiguration) Proxy.newProxyInstance(
                AnprCamerasConfiguration.class.getClassLoader(), new Class<?>[] {AnprCamerasConfiguration.class},
                (proxy, method, args) -> method.getDefaultValue());
    }
}
