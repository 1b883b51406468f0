package org.atalaya.simulators.anpr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.routes.anpr.internal.HubPlateReadParser;
import org.atalaya.simulators.mqtt.internal.TestBroker;
import org.atalaya.simulators.mqtt.internal.TestBroker.Published;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator against a real MQTT broker that checks accounts and permissions as the hub's
 * does: a device account may publish and nothing else.
 */
class AnprCameraSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DEVICE_PASSWORD = "simulator-password-for-tests";

    private final InMemoryHotlist hotlist = new InMemoryHotlist();
    private TestBroker broker;
    private String brokerUrl;
    private Collection<Published> published;
    private AnprCameraSimulator simulator;

    @BeforeEach
    void startBrokerAndListen() throws Exception {
        broker = new TestBroker("simulator", DEVICE_PASSWORD, "device", "#", "atalaya/anpr/+/reads");
        brokerUrl = broker.url();
        published = broker.published();
    }

    @AfterEach
    void stop() throws Exception {
        if (simulator != null) {
            simulator.deactivate();
        }
        broker.stop();
    }

    @Test
    void publishesReadsTheHubAcceptsOnEachCamerasTopicAndStopsCleanly() {
        simulator = simulator(config(brokerUrl, "simulator", DEVICE_PASSWORD, 200, 5, 0.5, true));

        await().atMost(WAIT).until(() -> published.size() >= 400);
        simulator.deactivate();
        simulator = null;

        HubPlateReadParser parser = new HubPlateReadParser(Clock.systemUTC(),
                Ceuta.CAMERAS.stream().collect(Collectors.toMap(Camera::id, Function.identity())));
        List<PlateRead> reads = new ArrayList<>();
        for (Published message : published) {
            List<PlateRead> parsed = parser.parse(message.payload(), camera(message));
            assertThat(parsed).hasSize(1);
            reads.addAll(parsed);
        }
        assertThat(reads).extracting(PlateRead::cameraId).containsOnly("tarajal-1", "benzu-1", "puerto-2", "hacho_3");
        assertThat(published).anySatisfy(message -> assertThat(message.payload()[0]).isEqualTo((byte) '{'))
                .anySatisfy(message -> assertThat(message.payload()[0]).isEqualTo((byte) '<'));
        Map<String, Set<Byte>> formats = published.stream().collect(Collectors.groupingBy(AnprCameraSimulatorTest::camera,
                Collectors.mapping(message -> message.payload()[0], Collectors.toSet())));
        assertThat(formats.values()).as("each camera keeps its format")
                .allSatisfy(first -> assertThat(first).hasSize(1));
        Set<String> listed = SampleHotlist.load().plates().stream().map(Plate::normalised).collect(Collectors.toSet());
        assertThat(reads).extracting(PlateRead::plate).anyMatch(listed::contains);

        assertThat(hotlist.imports).hasValue(1);
        assertThat(hotlist.size()).isEqualTo(SampleHotlist.load().rows().size());
        // Neither the simulator's thread nor any of its MQTT client's outlives it.
        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .noneMatch(name -> name.equals(AnprCameraSimulator.THREAD_NAME)
                        || name.contains(AnprCameraSimulator.CLIENT_ID_PREFIX)));
    }

    @Test
    void importsTheSampleHotlistOnlyWhileNoDemoEntryIsListed() {
        // No account: nothing is published, the import still happens.
        simulator = simulator(config(brokerUrl, null, null, 4, 40, 0.25, true));
        await().atMost(WAIT).until(() -> hotlist.imports.get() == 1);
        int rows = SampleHotlist.load().rows().size();
        await().atMost(WAIT).until(() -> hotlist.size() == rows);
        simulator.deactivate();

        simulator = simulator(config(brokerUrl, null, null, 4, 40, 0.25, true));
        // 12 look-ups the first time; the second time the first plate is found listed
        await().atMost(WAIT).until(() -> hotlist.lookups.get() == rows + 1);
        simulator.deactivate();
        simulator = null;

        assertThat(hotlist.imports).hasValue(1);
        assertThat(hotlist.size()).isEqualTo(rows);
        assertThat(published).isEmpty();
    }

    @Test
    void refusesSettingsItCannotRunWith() {
        AnprCameraSimulator refused = new AnprCameraSimulator();
        refused.cameraRegistry = new InMemoryCameraRegistry(Ceuta.CAMERAS);
        assertThatThrownBy(() -> refused.activate(config(brokerUrl, "simulator", "x", 0, 40, 0.25, false)))
                .hasMessageContaining("readsPerSecond");
        assertThatThrownBy(() -> refused.activate(config(brokerUrl, "simulator", "x", 4, 40, 1.5, false)))
                .hasMessageContaining("onvifShare");
        assertThatThrownBy(() -> refused.activate(config(brokerUrl, "simulator", "x", 4, -1, 0.25, false)))
                .hasMessageContaining("hitEvery");
        assertThatThrownBy(() -> refused.activate(config("http://127.0.0.1:1883", "simulator", "x", 4, 40, 0.25, true)))
                .hasMessageContaining("brokerUrl");
        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .noneMatch(AnprCameraSimulator.THREAD_NAME::equals));
    }

    @Test
    void clientIdsAreUniqueAndShortEnoughForEveryMqtt311Broker() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String id = AnprCameraSimulator.clientId();
            assertThat(id).matches("atalaya-simulator-[0-9a-z]{5}").hasSize(23);
            ids.add(id);
        }
        assertThat(ids).hasSizeGreaterThan(990);
    }

    private AnprCameraSimulator simulator(AnprCameraSimulatorConfiguration config) {
        AnprCameraSimulator started = new AnprCameraSimulator();
        started.cameraRegistry = new InMemoryCameraRegistry(Ceuta.CAMERAS);
        started.hotlist = hotlist;
        started.activate(config);
        return started;
    }

    private static AnprCameraSimulatorConfiguration config(String brokerUrl, String user, String password,
            double readsPerSecond, int hitEvery, double onvifShare, boolean importSampleHotlist) {
        return new AnprCameraSimulatorConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AnprCameraSimulatorConfiguration.class;
            }

            @Override
            public String brokerUrl() {
                return brokerUrl;
            }

            @Override
            public String user() {
                return user;
            }

            @Override
            public String password() {
                return password;
            }

            @Override
            public double readsPerSecond() {
                return readsPerSecond;
            }

            @Override
            public int hitEvery() {
                return hitEvery;
            }

            @Override
            public double onvifShare() {
                return onvifShare;
            }

            @Override
            public boolean importSampleHotlist() {
                return importSampleHotlist;
            }
        };
    }

    /** {@code atalaya/anpr/<camera>/reads} */
    private static String camera(Published message) {
        return message.topic().split("/")[2];
    }
}
