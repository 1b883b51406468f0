package org.atalaya.simulators.face.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
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
    private static final String HUB_PASSWORD = "hub-password-for-tests";

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final Queue<Published> published = new ConcurrentLinkedQueue<>();
    private final ObjectMapper json = new ObjectMapper();
    private String brokerUrl;
    private MqttClient hub;
    private FaceCameraSimulator simulator;

    private record Published(String topic, byte[] payload) {
    }

    @BeforeEach
    void startBrokerAndListen() throws Exception {
        brokerUrl = "tcp://127.0.0.1:" + freePort();
        SecurityConfiguration accounts = new SecurityConfiguration(
                Map.of("face-simulator", DEVICE_PASSWORD, "atalaya-hub", HUB_PASSWORD),
                Map.of("face-simulator", List.of("face-camera"), "atalaya-hub", List.of("hub")));
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(true)
                .addAcceptorConfiguration("mqtt", brokerUrl + "?protocols=MQTT");
        // name, send, consume, create/delete durable queue, create/delete non-durable queue,
        // manage, browse, create/delete address, view, edit
        Role hubRole = new Role("hub", true, true, true, true, true, true, false, true, true, true, false, false);
        configuration.putSecurityRoles("#", Set.of(hubRole));
        configuration.putSecurityRoles("atalaya.face.#", Set.of(hubRole,
                new Role("face-camera", true, false, false, false, false, false, false, false, true, false, false,
                        false)));
        broker.setConfiguration(configuration);
        broker.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), accounts));
        broker.start();

        hub = new MqttClient(brokerUrl, "hub-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName("atalaya-hub");
        options.setPassword(HUB_PASSWORD.toCharArray());
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        hub.connect(options);
        hub.subscribe("atalaya/face/+/matches", 1,
                (topic, message) -> published.add(new Published(topic, message.getPayload())));
    }

    @AfterEach
    void stop() throws Exception {
        if (simulator != null) {
            simulator.deactivate();
        }
        hub.unsubscribe("atalaya/face/+/matches");
        hub.disconnect();
        hub.close();
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
