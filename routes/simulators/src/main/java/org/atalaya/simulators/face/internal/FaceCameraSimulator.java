package org.atalaya.simulators.face.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's face-recognition analytics: watchlist matches published over MQTT on
 * {@code atalaya/face/<camera>/matches}, through the same listener and account checks as a real
 * camera. What becomes of them is the biometric guard's business: held and deleted unless an
 * authorisation names their camera and entry. One daemon thread publishes; a configuration
 * change restarts the simulator with the new settings.
 *
 * <p>Reconnection is the simulator's own, on that thread, as for the ANPR simulator: Paho 1.2.5
 * neither retries a first connection that fails nor stops its reconnect timer on close.
 */
@Component(service = {}, configurationPid = FaceCameraSimulator.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = FaceCameraSimulatorConfiguration.class)
public class FaceCameraSimulator {

    static final String PID = "org.atalaya.simulators.face";
    static final String THREAD_NAME = "atalaya-simulator-face";
    static final String CLIENT_ID_PREFIX = "atalaya-face-sim-";

    private static final Logger LOG = LoggerFactory.getLogger(FaceCameraSimulator.class);
    private static final long FIRST_RETRY_MILLIS = 1_000;
    private static final long LAST_RETRY_MILLIS = 30_000;
    private static final long REPORT_SECONDS = 60;
    private static final int QOS = 1;

    private final LongAdder published = new LongAdder();
    private final LongAdder notPublished = new LongAdder();
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile long nextConnectAttempt;
    private volatile long retryMillis = FIRST_RETRY_MILLIS;
    private long publishedTotal;

    private String brokerUrl;
    private String user;
    private SimulatedFaceMatches matches;
    private ScheduledThreadPoolExecutor scheduler;
    private MqttAsyncClient client;
    private MqttConnectOptions options;
    private IMqttActionListener delivery;

    @Activate
    void activate(FaceCameraSimulatorConfiguration config) {
        double perMinute = config.matchesPerMinute();
        if (!(perMinute > 0 && perMinute <= 600)) {
            throw new IllegalArgumentException("matchesPerMinute must be above 0 and at most 600: " + perMinute);
        }
        matches = new SimulatedFaceMatches(list(config.cameras()), list(config.watchlistEntries()),
                config.imageBaseUrl(), new SplittableRandom(), Clock.systemUTC());
        brokerUrl = config.brokerUrl();
        user = config.user();
        if (user == null || user.isBlank()) {
            LOG.warn("Face camera simulator has no device account: set user and password in etc/{}.cfg; nothing"
                    + " published", PID);
            return;
        }
        client = newClient(config.password());
        scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        long periodMillis = Math.max(100, Math.round(60_000 / perMinute));
        scheduler.scheduleAtFixedRate(this::tick, 0, periodMillis, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(this::report, REPORT_SECONDS, REPORT_SECONDS, TimeUnit.SECONDS);
        LOG.info("Face camera simulator publishing {} matches/min to {} as {} (client {})", perMinute, brokerUrl, user,
                client.getClientId());
    }

    @Deactivate
    void deactivate() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Face camera simulator thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close(client);
        LOG.info("Face camera simulator stopped: {} matches published", publishedTotal + published.sum());
    }

    private MqttAsyncClient newClient(String password) {
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
        options.setUserName(user);
        if (password != null) {
            options.setPassword(password.toCharArray());
        }
        delivery = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                published.increment();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable failure) {
                notPublished.increment();
            }
        };
        return mqtt;
    }

    /** One match, or a connection attempt while there is no connection. */
    private void tick() {
        try {
            if (!client.isConnected()) {
                connectWhenDue();
                return;
            }
            SimulatedFaceMatches.Published match = matches.next();
            client.publish(match.topic(), match.payload(), QOS, false, null, delivery);
        } catch (MqttException e) {
            notPublished.increment();
            LOG.debug("Face camera simulator match not published: {}", e.toString());
        } catch (RuntimeException e) {
            // Thrown out of here, it would end the schedule.
            LOG.warn("Face camera simulator match failed", e);
        }
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
                    LOG.info("Face camera simulator connected to {} as {}", brokerUrl, user);
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
        LOG.warn("Face camera simulator cannot connect to {} as {}: {}; next attempt in {} s", brokerUrl, user,
                failure.getMessage(), delay / 1000);
    }

    private void report() {
        long matchesPublished = published.sumThenReset();
        long failed = notPublished.sumThenReset();
        publishedTotal += matchesPublished;
        LOG.info("Face camera simulator: {} matches published in the last minute, {} not published; {} since start",
                matchesPublished, failed, publishedTotal);
    }

    private static void close(MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect(1_000).waitForCompletion(5_000);
            }
        } catch (MqttException e) {
            LOG.debug("Face camera simulator did not disconnect cleanly: {}", e.toString());
        }
        try {
            client.close();
        } catch (MqttException e) {
            // Still connecting or disconnecting: drop the connection without the handshake.
            try {
                client.disconnectForcibly(0, 1_000, false);
                client.close();
            } catch (MqttException again) {
                LOG.warn("Face camera simulator's MQTT client {} did not close", client.getClientId(), again);
            }
        }
    }

    /** A list setting as a .cfg file (one comma-separated string) or the console (several values) gives it. */
    static List<String> list(String... values) {
        return values == null ? List.of() : Arrays.stream(values).flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(value -> !value.isEmpty()).distinct().toList();
    }

    /** The prefix and six random characters: 23 characters, the longest MQTT 3.1.1 obliges brokers to accept. */
    static String clientId() {
        String random = Long.toString(new SplittableRandom().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
        return CLIENT_ID_PREFIX + "0".repeat(6 - random.length()) + random.toLowerCase(Locale.ROOT);
    }
}
