package org.atalaya.simulators.anpr.internal;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.CameraRegistry;
import org.atalaya.api.anpr.Hotlist;
import org.atalaya.api.anpr.HotlistImport;
import org.atalaya.simulators.mqtt.internal.DeviceLink;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's licence-plate cameras: for each camera in the hub's registry, reads published over
 * MQTT on {@code atalaya/anpr/<cameraId>/reads} with the camera's own format, through the same
 * listener and account checks as a real camera. One daemon thread makes and publishes the reads;
 * a configuration change restarts the simulator with the new settings.
 *
 * <p>The connection is a {@link DeviceLink}, connected and reconnected on that thread, so a
 * simulator started before the hub's MQTT listener, or whose broker restarted, catches up by
 * itself.
 */
@Component(service = {}, configurationPid = AnprCameraSimulator.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AnprCameraSimulatorConfiguration.class)
public class AnprCameraSimulator {

    static final String PID = "org.atalaya.simulators.anpr";
    static final String THREAD_NAME = "atalaya-simulator-anpr";
    static final String CLIENT_ID_PREFIX = "atalaya-simulator-";

    private static final Logger LOG = LoggerFactory.getLogger(AnprCameraSimulator.class);
    /** What the hub's ANPR connector accepts as a camera id, and is safe in a topic. */
    private static final Pattern CAMERA_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final long CAMERA_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long REPORT_SECONDS = 60;
    private static final int QOS = 1;

    @Reference
    CameraRegistry cameraRegistry;

    /** Only to import the sample hotlist; greedy, so a list that comes later is filled then. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    Hotlist hotlist;

    private final LongAdder published = new LongAdder();
    private final LongAdder hotlisted = new LongAdder();
    private final LongAdder notPublished = new LongAdder();
    private long publishedTotal;
    private long hotlistedTotal;

    private double onvifShare;
    private ScheduledThreadPoolExecutor scheduler;
    private DeviceLink link;
    private IMqttActionListener delivery;

    // Used by the publishing thread only.
    private final RandomGenerator random = new SplittableRandom();
    private SimulatedTraffic traffic;
    private List<Camera> cameras = List.of();
    private Map<String, ReadEncoding> encodings = Map.of();
    private long nextCameraRefresh;
    private boolean warnedNoCameras;

    @Activate
    void activate(AnprCameraSimulatorConfiguration config) {
        double readsPerSecond = config.readsPerSecond();
        if (!(readsPerSecond > 0 && readsPerSecond <= 1000)) {
            throw new IllegalArgumentException("readsPerSecond must be above 0 and at most 1000: " + readsPerSecond);
        }
        if (!(config.onvifShare() >= 0 && config.onvifShare() <= 1)) {
            throw new IllegalArgumentException("onvifShare must be 0 to 1: " + config.onvifShare());
        }
        String user = config.user();
        onvifShare = config.onvifShare();
        nextCameraRefresh = System.nanoTime();
        SampleHotlist sample = SampleHotlist.load();
        traffic = new SimulatedTraffic(sample.plates(), config.hitEvery(), OcrConfusion.defaults(), random,
                Clock.systemUTC());

        if (user == null || user.isBlank()) {
            LOG.warn("ANPR simulator has no device account: set user and password in etc/{}.cfg; nothing published",
                    PID);
        } else {
            link = newLink(config, readsPerSecond); // before the thread: a bad URL must leave nothing behind
        }

        scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        if (config.importSampleHotlist()) {
            scheduler.execute(() -> importSampleHotlist(sample));
        }
        if (link == null) {
            return;
        }
        long periodMicros = Math.max(1, Math.round(1_000_000 / readsPerSecond));
        scheduler.scheduleAtFixedRate(this::tick, 0, periodMicros, TimeUnit.MICROSECONDS);
        scheduler.scheduleAtFixedRate(this::report, REPORT_SECONDS, REPORT_SECONDS, TimeUnit.SECONDS);
        LOG.info("ANPR simulator publishing {} reads/s to {} as {} (client {}), a hotlist plate every {} reads",
                readsPerSecond, config.brokerUrl(), user, link.clientId(), config.hitEvery());
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("ANPR simulator thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (link != null) {
            link.close();
            LOG.info("ANPR simulator stopped: {} reads published, {} of them hotlist plates",
                    publishedTotal + published.sum(), hotlistedTotal + hotlisted.sum());
        }
    }

    private DeviceLink newLink(AnprCameraSimulatorConfiguration config, double readsPerSecond) {
        // Room for ten seconds of unacknowledged reads before a publish is refused.
        int maxInflight = (int) Math.min(65_535, Math.max(10, Math.ceil(readsPerSecond * 10)));
        DeviceLink created = new DeviceLink("ANPR simulator", config.brokerUrl(), config.user(), config.password(),
                clientId(), maxInflight);
        created.warnWhenLost();
        delivery = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                published.increment();
                if (token.getUserContext() instanceof SimulatedRead read && read.hotlisted()) {
                    hotlisted.increment();
                }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable failure) {
                notPublished.increment();
            }
        };
        return created;
    }

    /** One read from one camera, or a connection attempt while there is no connection. */
    private void tick() {
        try {
            refreshCamerasWhenDue();
            if (!link.isConnected()) {
                link.connectWhenDue();
                return;
            }
            if (cameras.isEmpty()) {
                return;
            }
            Camera camera = cameras.get(random.nextInt(cameras.size()));
            SimulatedRead read = traffic.next(camera);
            byte[] payload = encodings.get(camera.id()).encode(read);
            link.publish("atalaya/anpr/" + camera.id() + "/reads", payload, QOS, read, delivery);
        } catch (MqttException e) {
            notPublished.increment();
            LOG.debug("ANPR simulator read not published: {}", e.toString());
        } catch (RuntimeException e) {
            // Thrown out of here, it would end the schedule.
            LOG.warn("ANPR simulator read failed", e);
        }
    }

    private void refreshCamerasWhenDue() {
        long now = System.nanoTime();
        if (now - nextCameraRefresh < 0) {
            return;
        }
        nextCameraRefresh = now + CAMERA_REFRESH_NANOS;
        List<Camera> registered = cameraRegistry.list().stream()
                .filter(camera -> CAMERA_ID.matcher(camera.id()).matches())
                .toList();
        if (registered.isEmpty()) {
            if (!warnedNoCameras) {
                LOG.warn("ANPR simulator: the hub's camera registry is empty; nothing is published until cameras "
                        + "are registered");
                warnedNoCameras = true;
            }
        } else if (!registered.stream().map(Camera::id).toList().equals(cameras.stream().map(Camera::id).toList())) {
            encodings = ReadEncoding.assign(registered.stream().map(Camera::id).toList(), onvifShare);
            long onvif = encodings.values().stream().filter(ReadEncoding.ONVIF_PROFILE_M::equals).count();
            LOG.info("ANPR simulator publishing as {} cameras: {} ONVIF Profile M, {} Atalaya JSON",
                    registered.size(), onvif, registered.size() - onvif);
            warnedNoCameras = false;
        }
        cameras = registered;
    }

    private void report() {
        long reads = published.sumThenReset();
        long hits = hotlisted.sumThenReset();
        long failed = notPublished.sumThenReset();
        publishedTotal += reads;
        hotlistedTotal += hits;
        LOG.info("ANPR simulator: {} reads published in the last minute, {} of them hotlist plates, {} not published; "
                + "{} since start", reads, hits, failed, publishedTotal);
    }

    /**
     * Lists the sample plates unless one of them is listed with source {@code demo} already, so
     * that entries an operator changed or removed stay as they are.
     */
    private void importSampleHotlist(SampleHotlist sample) {
        Hotlist list = hotlist;
        if (list == null) {
            LOG.info("ANPR simulator: no hotlist service, the sample hotlist is not imported");
            return;
        }
        try {
            for (SampleHotlist.Row row : sample.rows()) {
                if (list.list(row.plate().normalised(), 0, 100).stream()
                        .anyMatch(entry -> SampleHotlist.SOURCE.equals(entry.source()))) {
                    LOG.info("ANPR simulator: the sample hotlist is listed already (source '{}')",
                            SampleHotlist.SOURCE);
                    return;
                }
            }
            HotlistImport result = list.importCsv(new StringReader(sample.csv()), SampleHotlist.SOURCE, rows -> { });
            LOG.info("ANPR simulator imported the sample hotlist: {} added, {} replaced, {} rejected",
                    result.added(), result.replaced(), result.rejected().size());
            result.rejected().forEach(reason -> LOG.warn("ANPR simulator: sample hotlist row rejected: {}", reason));
        } catch (IOException | RuntimeException e) {
            LOG.warn("ANPR simulator could not import the sample hotlist", e);
        }
    }

    /**
     * {@code atalaya-simulator-} and five random characters: 23 characters, the longest client id
     * MQTT 3.1.1 obliges every broker to accept.
     */
    static String clientId() {
        int suffix = new SplittableRandom().nextInt(36 * 36 * 36 * 36 * 36);
        String random = Integer.toString(suffix, 36);
        return CLIENT_ID_PREFIX + "0".repeat(5 - random.length()) + random.toLowerCase(Locale.ROOT);
    }
}
