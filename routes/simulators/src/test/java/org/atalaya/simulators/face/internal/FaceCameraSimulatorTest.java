package org.atalaya.simulators.face.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.atalaya.simulators.mqtt.internal.TestBroker;
import org.atalaya.simulators.mqtt.internal.TestBroker.Published;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator against a real MQTT broker that checks accounts and permissions as the hub's
 * does: a face-camera account may publish on the face topics and nothing else.
 */
class FaceCameraSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DEVICE_PASSWORD = "face-simulator-password-for-tests";

    private final ObjectMapper json = new ObjectMapper();
    private TestBroker broker;
    private String brokerUrl;
    private Collection<Published> published;
    private FaceCameraSimulator simulator;

    @BeforeEach
    void startBrokerAndListen() throws Exception {
        broker = new TestBroker("face-simulator", DEVICE_PASSWORD, "face-camera", "atalaya.face.#",
                "atalaya/face/+/matches");
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
    void publishesMatchesOnEachCamerasTopicAsAFaceCameraAndStopsCleanly() throws Exception {
        Instant started = Instant.now();
        simulator = simulator(config(brokerUrl, "face-simulator", DEVICE_PASSWORD, 600));

        await().atMost(WAIT).until(() -> published.size() >= 20);
        simulator.deactivate();
        simulator = null;

        Set<String> cameras = new HashSet<>();
        for (Published message : published) {
            JsonNode match = json.readTree(message.payload());
            String camera = match.get("cameraId").asText();
            assertThat(message.topic()).isEqualTo("atalaya/face/" + camera + "/matches");
            assertThat(Instant.parse(match.get("capturedAt").asText())).isAfterOrEqualTo(started.minusSeconds(1));
            assertThat(match.get("watchlistEntryId").asText()).isIn("wl-demo-1", "wl-demo-2");
            assertThat(match.get("imageRef").asText()).startsWith("https://vms.demo.example/frames/" + camera + "/");
            cameras.add(camera);
        }
        assertThat(cameras).containsExactlyInAnyOrder("tarajal-face-1", "puerto-face-1");
        // Neither the simulator's thread nor its MQTT client's outlives it.
        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .noneMatch(name -> name.equals(FaceCameraSimulator.THREAD_NAME)
                        || name.contains(FaceCameraSimulator.CLIENT_ID_PREFIX)));
    }

    @Test
    void publishesNothingWithoutAnAccount() {
        simulator = simulator(config(brokerUrl, null, null, 600));

        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain(FaceCameraSimulator.THREAD_NAME);
        assertThat(published).isEmpty();
    }

    @Test
    void refusesSettingsItCannotRunWith() {
        FaceCameraSimulator refused = new FaceCameraSimulator();
        assertThatThrownBy(() -> refused.activate(config(brokerUrl, "face-simulator", "x", 0)))
                .hasMessageContaining("matchesPerMinute");
        assertThatThrownBy(() -> refused.activate(config(brokerUrl, "face-simulator", "x", 601)))
                .hasMessageContaining("matchesPerMinute");
        assertThatThrownBy(() -> refused.activate(config("http://127.0.0.1:1883", "face-simulator", "x", 6)))
                .hasMessageContaining("brokerUrl");
    }

    @Test
    void clientIdsAreUniqueAndShortEnoughForEveryMqtt311Broker() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String id = FaceCameraSimulator.clientId();
            assertThat(id).matches("atalaya-face-sim-[0-9a-z]{6}").hasSize(23);
            ids.add(id);
        }
        assertThat(ids).hasSizeGreaterThan(990);
    }

    private static FaceCameraSimulator simulator(FaceCameraSimulatorConfiguration config) {
        FaceCameraSimulator started = new FaceCameraSimulator();
        started.activate(config);
        return started;
    }

    private static FaceCameraSimulatorConfiguration config(String brokerUrl, String user, String password,
            double matchesPerMinute) {
        return new FaceCameraSimulatorConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return FaceCameraSimulatorConfiguration.class;
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
            public String[] cameras() {
                return new String[] {"tarajal-face-1, puerto-face-1"};
            }

            @Override
            public String[] watchlistEntries() {
                return new String[] {"wl-demo-1", "wl-demo-2"};
            }

            @Override
            public double matchesPerMinute() {
                return matchesPerMinute;
            }

            @Override
            public String imageBaseUrl() {
                return "https://vms.demo.example/frames/";
            }
        };
    }
}
