package org.atalaya.routes.anpr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.core.settings.impl.DeletionPolicy;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.geo.GeoPoint;
import org.atalaya.api.messaging.Addresses;
import org.atalaya.api.messaging.EventHeaders;
import org.atalaya.runtime.CanonicalJson;
import org.atalaya.runtime.DeviceTopic;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The divert on a real broker with its journal, as in the hub: cameras publish over MQTT at
 * QoS 1, and what reaches {@code atalaya.in.anpr}, {@code atalaya.dlq} and the subscription is
 * read back over JMS.
 */
class CameraReadDivertTest {

    private static final String SUBSCRIPTION = "atalaya-anpr-cameras";
    private static final String DIVERT = SUBSCRIPTION + "-canonical";
    /** The subscription's queue, by its fully qualified name. */
    private static final String SUBSCRIBED = "atalaya.anpr.*.reads::" + SUBSCRIPTION;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Camera TARAJAL = new Camera("tarajal-1", "Frontera del Tarajal, salida",
            new GeoPoint(35.8717, -5.3430), 200, true);

    private final DeviceTopic topic = new DeviceTopic("atalaya/anpr/+/reads");
    private final PlateReadParser parser = new PlateReadParser(65_536, Duration.ofMinutes(5), Duration.ofDays(1),
            Clock.systemUTC(), id -> Optional.ofNullable(Map.of("tarajal-1", TARAJAL).get(id)));

    @TempDir
    Path data;

    private int mqttPort;
    private EmbeddedActiveMQ broker;
    private MqttClient camera;
    private Connection hub;

    @BeforeEach
    void start() throws Exception {
        mqttPort = freePort();
        broker = startBroker();
        hub = new ActiveMQConnectionFactory("vm://0").createConnection();
        hub.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (camera != null && camera.isConnected()) {
            camera.disconnect();
        }
        hub.close();
        broker.stop();
    }

    @Test
    void aReadIsStoredCanonicalOnTheInboundQueueAndNotInTheSubscription() throws Exception {
        try (CameraReadDivert divert = deploy(broker.getActiveMQServer())) {
            publish("tarajal-1", json("r-1", "tarajal-1", "1234 bcd"));

            Message inbound = receive(Addresses.INBOUND_ANPR);
            assertThat(inbound).isInstanceOf(TextMessage.class);
            PlateRead read = CanonicalJson.mapper().readValue(((TextMessage) inbound).getText(), PlateRead.class);
            assertThat(read.id()).isEqualTo("r-1");
            assertThat(read.cameraId()).isEqualTo("tarajal-1");
            assertThat(read.plate()).isEqualTo("1234BCD");
            assertThat(read.position()).isEqualTo(TARAJAL.position());
            assertThat(inbound.getJMSDeliveryMode()).isEqualTo(jakarta.jms.DeliveryMode.PERSISTENT);
            assertThat(depth(SUBSCRIPTION)).isZero();
        }
    }

    @Test
    void aPayloadWithManyReadsIsOneMessageWithAnArray() throws Exception {
        try (CameraReadDivert divert = deploy(broker.getActiveMQServer())) {
            publish("tarajal-1", "[" + json("r-1", "tarajal-1", "1234BCD") + "," + json("r-2", "tarajal-1", "5678FGH")
                    + "]");

            String array = ((TextMessage) receive(Addresses.INBOUND_ANPR)).getText();
            assertThat(CanonicalJson.mapper().readValue(array, PlateRead[].class)).extracting(PlateRead::id)
                    .containsExactly("r-1", "r-2");
        }
    }

    @Test
    void aRefusedPayloadIsADeadLetterWithItsReasonAndTheRestGoesOn() throws Exception {
        try (CameraReadDivert divert = deploy(broker.getActiveMQServer())) {
            byte[] wrong = "{\"cameraId\":\"tarajal-1\",\"plate\":".getBytes(StandardCharsets.UTF_8);
            publish("tarajal-1", wrong);
            publish("tarajal-1", json("r-2", "tarajal-1", "5678FGH"));

            Message dead = receive(Addresses.DEAD_LETTERS);
            assertThat(body(dead)).isEqualTo(wrong);
            assertThat(dead.getStringProperty(EventHeaders.FAILURE_REASON)).isNotBlank();
            assertThat(dead.getStringProperty(EventHeaders.FAILED_ROUTE)).isEqualTo("anpr-cameras-mqtt-1");
            assertThat(dead.getStringProperty(EventHeaders.FAILED_FROM)).isEqualTo("atalaya.anpr.tarajal-1.reads");
            assertThat(CanonicalJson.mapper().readValue(((TextMessage) receive(Addresses.INBOUND_ANPR)).getText(),
                    PlateRead.class).id()).isEqualTo("r-2");
        }
    }

    @Test
    void aCameraPublishesAsItselfOnly() throws Exception {
        try (CameraReadDivert divert = deploy(broker.getActiveMQServer())) {
            publish("tarajal-2", json("r-1", "tarajal-1", "1234BCD"));
            publish("unknown-9", json("r-2", "unknown-9", "1234BCD"));

            List<String> reasons = new ArrayList<>();
            reasons.add(receive(Addresses.DEAD_LETTERS).getStringProperty(EventHeaders.FAILURE_REASON));
            reasons.add(receive(Addresses.DEAD_LETTERS).getStringProperty(EventHeaders.FAILURE_REASON));
            assertThat(reasons).allSatisfy(reason -> assertThat(reason).isNotBlank());
            assertThat(depth(Addresses.INBOUND_ANPR)).isZero();
        }
    }

    @Test
    void withoutTheDivertReadsWaitInTheSubscription() throws Exception {
        CameraReadDivert divert = deploy(broker.getActiveMQServer());
        divert.close();
        publish("tarajal-1", json("r-1", "tarajal-1", "1234BCD"));

        assertThat(new String(body(receive(SUBSCRIBED)), StandardCharsets.UTF_8)).contains("\"r-1\"");
        assertThat(depth(Addresses.INBOUND_ANPR)).isZero();

        // deployed again, the same name: it takes what comes next
        try (CameraReadDivert again = deploy(broker.getActiveMQServer())) {
            publish("tarajal-1", json("r-2", "tarajal-1", "1234BCD"));
            assertThat(((TextMessage) receive(Addresses.INBOUND_ANPR)).getText()).contains("\"r-2\"");
            assertThat(depth(SUBSCRIPTION)).isZero();
        }
    }

    @Test
    void aDivertLeftStoredByAStopWithoutTheConnectorIsDroppedAtTheNextStart() throws Exception {
        deploy(broker.getActiveMQServer()); // never closed: the hub stops as if killed
        hub.close();
        broker.stop();

        broker = startBroker();
        hub = new ActiveMQConnectionFactory("vm://0").createConnection();
        hub.start();
        assertThat(broker.getActiveMQServer().getPostOffice().getBinding(SimpleString.of(DIVERT))).isNull();

        publish("tarajal-1", json("r-1", "tarajal-1", "1234BCD"));
        assertThat(new String(body(receive(SUBSCRIBED)), StandardCharsets.UTF_8)).contains("\"r-1\"");
        assertThat(depth(Addresses.INBOUND_ANPR)).isZero();
    }

    private CameraReadDivert deploy(ActiveMQServer server) throws Exception {
        return CameraReadDivert.deploy(server, DIVERT, topic, parser, CameraReadRoutes.ROUTE_PREFIX + 1);
    }

    private EmbeddedActiveMQ startBroker() throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setLargeMessagesDirectory(data.resolve("large").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://0")
                .addAcceptorConfiguration("mqtt", "tcp://127.0.0.1:" + mqttPort + "?protocols=MQTT")
                // as etc/artemis.xml
                .addAddressSetting("#", new AddressSettings().setConfigDeleteDiverts(DeletionPolicy.FORCE))
                .addQueueConfiguration(QueueConfiguration.of(Addresses.INBOUND_ANPR).setRoutingType(RoutingType.ANYCAST))
                .addQueueConfiguration(QueueConfiguration.of(Addresses.DEAD_LETTERS).setRoutingType(RoutingType.ANYCAST))
                .addQueueConfiguration(QueueConfiguration.of(SUBSCRIPTION).setAddress(topic.address())
                        .setRoutingType(RoutingType.MULTICAST));
        EmbeddedActiveMQ started = new EmbeddedActiveMQ().setConfiguration(configuration);
        started.start();
        return started;
    }

    /** Publishes at QoS 1 and returns once the broker acknowledged it. */
    private void publish(String cameraId, String payload) throws Exception {
        publish(cameraId, payload.getBytes(StandardCharsets.UTF_8));
    }

    private void publish(String cameraId, byte[] payload) throws Exception {
        if (camera == null || !camera.isConnected()) {
            camera = new MqttClient("tcp://127.0.0.1:" + mqttPort, "camera-" + System.nanoTime(),
                    new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            camera.connect(options);
        }
        camera.publish("atalaya/anpr/" + cameraId + "/reads", payload, 1, false);
    }

    private Message receive(String queue) throws JMSException {
        try (Session session = hub.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            Message message = consumer.receive(WAIT.toMillis());
            assertThat(message).as("a message on " + queue).isNotNull();
            return message;
        }
    }

    private long depth(String queue) {
        return broker.getActiveMQServer().locateQueue(queue).getMessageCount();
    }

    private static byte[] body(Message message) throws JMSException {
        BytesMessage bytes = (BytesMessage) message;
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        return body;
    }

    private static String json(String id, String cameraId, String plate) {
        return "{\"id\":\"" + id + "\",\"cameraId\":\"" + cameraId + "\",\"capturedAt\":\"" + Instant.now()
                + "\",\"plate\":\"" + plate + "\",\"confidence\":0.9}";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
