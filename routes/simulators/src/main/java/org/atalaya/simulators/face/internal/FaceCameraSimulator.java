package org.atalaya.simulators.face.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.atalaya.simulators.mqtt.internal.DeviceLink;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
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
 * <p>The connection is a {@link DeviceLink}, connected and reconnected on that thread as for the
 * ANPR simulator.
 */
@Component(service = {}, configurationPid = FaceCameraSimulator.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = FaceCameraSimulatorConfiguration.class)
public class FaceCameraSimulator {

    static final String PID = "org.atalaya.simulators.face";
    static final String THREAD_NAME = "atalaya-simulator-face";
    static final String CLIENT_ID_PREFIX = "atalaya-face-sim-";

    private static final Logger LOG = LoggerFactory.getLogger(FaceCameraSimulator.class);
    private static final long REPORT_SECONDS = 60;
    private static final int QOS = 1;

    private final LongAdder published = new LongAdder();
    private final LongAdder notPublished = new LongAdder();
    private long publishedTotal;

    private SimulatedFaceMatches matches;
    private ScheduledThreadPoolExecutor scheduler;
    private DeviceLink link;
    private IMqttActionListener delivery;

    @Activate
    void activate(FaceCameraSimulatorConfiguration config) {
        double perMinute = config.matchesPerMinute();
        if (!(perMinute > 0 && perMinute <= 600)) {
            throw new IllegalArgumentException("matchesPerMinute must be above 0 and at most 600: " + perMinute);
        }
        matches = new SimulatedFaceMatches(list(config.cameras()), list(config.watchlistEntries()),
                config.imageBaseUrl(), new SplittableRandom(), Clock.systemUTC());
        String user = config.user();
        if (user == null || user.isBlank()) {
            LOG.warn("Face camera simulator has no device account: set user and password in etc/{}.cfg; nothing"
                    + " published", PID);
            return;
        }
        link = newLink(config);
        scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        long periodMillis = Math.max(100, Math.round(60_000 / perMinute));
        scheduler.scheduleAtFixedRate(this::tick, 0, periodMillis, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(this::report, REPORT_SECONDS, REPORT_SECONDS, TimeUnit.SECONDS);
        LOG.info("Face camera simulator publishing {} matches/min to {} as {} (client {})", perMinute,
                config.brokerUrl(), user, link.clientId());
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
        link.close();
        LOG.info("Face camera simulator stopped: {} matches published", publishedTotal + published.sum());
    }

    private DeviceLink newLink(FaceCameraSimulatorConfiguration config) {
        DeviceLink created = new DeviceLink("Face camera simulator", config.brokerUrl(), config.user(),
                config.password(), clientId(), MqttConnectOptions.MAX_INFLIGHT_DEFAULT);
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
        return created;
    }

    /** One match, or a connection attempt while there is no connection. */
    private void tick() {
        try {
            if (!link.isConnected()) {
                link.connectWhenDue();
                return;
            }
            SimulatedFaceMatches.Published match = matches.next();
            link.publish(match.topic(), match.payload(), QOS, null, delivery);
        } catch (MqttException e) {
            notPublished.increment();
            LOG.debug("Face camera simulator match not published: {}", e.toString());
        } catch (RuntimeException e) {
            // Thrown out of here, it would end the schedule.
            LOG.warn("Face camera simulator match failed", e);
        }
    }

    private void report() {
        long matchesPublished = published.sumThenReset();
        long failed = notPublished.sumThenReset();
        publishedTotal += matchesPublished;
        LOG.info("Face camera simulator: {} matches published in the last minute, {} not published; {} since start",
                matchesPublished, failed, publishedTotal);
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
