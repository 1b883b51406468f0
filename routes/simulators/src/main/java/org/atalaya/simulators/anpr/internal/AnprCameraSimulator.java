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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.CameraRegistry;
import org.atalaya.api.anpr.Hotlist;
import org.atalaya.api.anpr.HotlistImport;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
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
 * <p>Reconnection is the simulator's own, on that thread, rather than Paho's automatic
 * reconnect: Paho 1.2.5 neither retries a first connection that fails (the hub's MQTT listener
 * may start after this bundle) nor stops its reconnect timer thread on close, which would
 * outlive the bundle.
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
    private static final long FIRST_RETRY_MILLIS = 1_000;
    private static final long LAST_RETRY_MILLIS = 30_000;
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
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile long nextConnectAttempt;
    private volatile long retryMillis = FIRST_RETRY_MILLIS;
    private long publishedTotal;
    private long hotlistedTotal;

    private String brokerUrl;
    private String user;
    private double onvifShare;
    private ScheduledThreadPoolExecutor scheduler;
    private MqttAsyncClient client;
    private MqttConnectOptions options;
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
        brokerUrl = config.brokerUrl();
        user = config.user();
        onvifShare = config.onvifShare();
        nextCameraRefresh = System.nanoTime();
        SampleHotlist sample = SampleHotlist.load();
        traffic = new SimulatedTraffic(sample.plates(), config.hitEvery(), OcrConfusion.defaults(), random,
                Clock.systemUTC());

        if (user == null || user.isBlank()) {
            LOG.warn("ANPR simulator has no device account: set user and password in etc/{}.cfg; nothing published",
                    PID);
        } else {
            client = newClient(config, readsPerSecond); // before the thread: a bad URL must leave nothing behind
        }

        scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        if (config.importSampleHotlist()) {
            scheduler.execute(() -> importSampleHotlist(sample));
        }
        if (client == null) {
            return;
        }
        long periodMicros = Math.max(1, Math.round(1_000_000 / readsPerSecond));
        scheduler.scheduleAtFixedRate(this::tick, 0, periodMicros, TimeUnit.MICROSECONDS);
        scheduler.scheduleAtFixedRate(this::report, REPORT_SECONDS, REPORT_SECONDS, TimeUnit.SECONDS);
        LOG.info("ANPR simulator publishing {} reads/s to {} as {} (client {}), a hotlist plate every {} reads",
                readsPerSecond, brokerUrl, user, client.getClientId(), config.hitEvery());
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
        if (client != null) {
            close(client);
            LOG.info("ANPR simulator stopped: {} reads published, {} of them hotlist plates",
                    publishedTotal + published.sum(), hotlistedTotal + hotlisted.sum());
        }
    }

    private MqttAsyncClient newClient(AnprCameraSimulatorConfiguration config, double readsPerSecond) {
        MqttAsyncClient mqtt;
        try {
            mqtt = new MqttAsyncClient(brokerUrl, clientId(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException("brokerUrl '" + brokerUrl + "' is not an MQTT server URI", e);
        }
        options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false); // see the class comment
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        // Room for ten seconds of unacknowledged reads before a publish is refused.
        options.setMaxInflight((int) Math.min(65_535, Math.max(10, Math.ceil(readsPerSecond * 10))));
        options.setUserName(user);
        if (config.password() != null) {
            options.setPassword(config.password().toCharArray());
        }
        mqtt.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                LOG.warn("ANPR simulator lost its connection to {}: {}; reconnecting", brokerUrl, cause.toString());
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                // subscribes to nothing
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // counted by the publish listener
            }
        });
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
        return mqtt;
    }

    /** One read from one camera, or a connection attempt while there is no connection. */
    private void tick() {
        try {
            refreshCamerasWhenDue();
            if (!client.isConnected()) {
                connectWhenDue();
                return;
            }
            if (cameras.isEmpty()) {
                return;
            }
            Camera camera = cameras.get(random.nextInt(cameras.size()));
            SimulatedRead read = traffic.next(camera);
            byte[] payload = encodings.get(camera.id()).encode(read);
            client.publish("atalaya/anpr/" + camera.id() + "/reads", payload, QOS, false, read, delivery);
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

    private void connectWhenDue() {
        if (System.currentTimeMillis() < nextConnectAttempt || !connecting.compareAndSet(false, true)) {
            return;
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    retryMillis = FIRST_RETRY_MILLIS;
                    connecting.set(false);
                    LOG.info("ANPR simulator connected to {} as {}", brokerUrl, user);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    connectFailed(failure);
                }
            });
        } catch (MqttException e) {
            connectFailed(e);
        }
    }

    private void connectFailed(Throwable failure) {
        long delay = retryMillis;
        nextConnectAttempt = System.currentTimeMillis() + delay;
        retryMillis = Math.min(LAST_RETRY_MILLIS, delay * 2);
        connecting.set(false);
        LOG.warn("ANPR simulator cannot connect to {} as {}: {}; next attempt in {} s", brokerUrl, user,
                failure.getMessage(), delay / 1000);
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

    private static void close(MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect(1_000).waitForCompletion(5_000);
            }
        } catch (MqttException e) {
            LOG.debug("ANPR simulator did not disconnect cleanly: {}", e.toString());
        }
        try {
            client.close();
        } catch (MqttException e) {
            // Still connecting or disconnecting: drop the connection without the handshake.
            try {
                client.disconnectForcibly(0, 1_000, false);
                client.close();
            } catch (MqttException again) {
                LOG.warn("ANPR simulator's MQTT client {} did not close", client.getClientId(), again);
            }
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
