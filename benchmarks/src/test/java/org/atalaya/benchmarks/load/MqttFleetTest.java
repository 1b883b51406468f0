package org.atalaya.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.impl.ActiveMQServerImpl;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness's cameras against a real Artemis with an MQTT acceptor, in this JVM: a read is
 * accepted once its PUBACK comes, every read reaches the broker's queue on its camera's topic,
 * and reads in flight when the broker goes away stay pending and are accepted once sent again.
 */
class MqttFleetTest {

    @TempDir
    Path data;

    private ActiveMQServer broker;
    private int core;
    private int mqtt;

    @AfterEach
    void stopBroker() throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void everyReadIsAcceptedOnceAndReachesTheQueueFromItsCamerasTopic() throws Exception {
        start();
        Set<Long> accepted = ConcurrentHashMap.newKeySet();
        List<String> cameras = List.of("cam-a", "cam-b", "cam-c");
        try (MqttFleet fleet = fleet(cameras, accepted)) {
            assertThat(fleet.connect()).isTrue();
            for (long n = 0; n < 300; n++) {
                assertThat(fleet.send(n)).isTrue();
            }

            assertThat(fleet.drain(60_000)).isTrue();
            assertThat(fleet.accepted()).isEqualTo(300);
            assertThat(fleet.pending()).isZero();
            assertThat(accepted).hasSize(300);
        }
        Set<String> bodies = new HashSet<>();
        try (Connection connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + core).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("atalaya.anpr.*.reads::fleet"));
            for (int i = 0; i < 300; i++) {
                Message message = consumer.receive(30_000);
                assertThat(message).as("read %d of 300 on the queue", i + 1).isNotNull();
                byte[] body = new byte[(int) ((BytesMessage) message).getBodyLength()];
                ((BytesMessage) message).readBytes(body);
                String text = new String(body, StandardCharsets.UTF_8);
                bodies.add(text);
                String camera = text.substring(0, text.indexOf(' '));
                assertThat(message.getJMSDestination().toString()).contains("atalaya.anpr." + camera + ".reads");
            }
            assertThat(consumer.receiveNoWait()).as("nothing more than the reads sent").isNull();
        }
        assertThat(bodies).hasSize(300);
    }

    @Test
    void readsInFlightWhenTheBrokerGoesAwayStayPendingUntilSentAgain() throws Exception {
        start();
        Set<Long> accepted = ConcurrentHashMap.newKeySet();
        try (MqttFleet fleet = fleet(List.of("cam-a", "cam-b"), accepted)) {
            assertThat(fleet.connect()).isTrue();
            for (long n = 0; n < 100; n++) {
                assertThat(fleet.send(n)).isTrue();
            }
            assertThat(fleet.drain(60_000)).isTrue();

            broker.stop();
            // written before its camera finds the connection closed, or refused after: pending either way
            fleet.send(100);
            assertThat(fleet.drain(60_000)).as("a connection is closed, a read pending").isFalse();
            assertThat(fleet.pending()).isEqualTo(1);
            assertThat(fleet.connect()).isFalse();

            broker.start();
            assertThat(fleet.connect()).isTrue();
            assertThat(fleet.resendPending()).isTrue();
            assertThat(fleet.drain(60_000)).isTrue();
            assertThat(fleet.accepted()).isEqualTo(101);
            assertThat(accepted).hasSize(101).contains(100L);
        }
    }

    private MqttFleet fleet(List<String> cameras, Set<Long> accepted) {
        return new MqttFleet("tcp://127.0.0.1:" + mqtt, "anpr-cameras", "not-checked-here", cameras, 8,
                n -> cameras.get((int) (n % cameras.size())) + " read " + n, accepted::add);
    }

    private void start() throws Exception {
        core = Hub.freePort();
        mqtt = Hub.freePort();
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setLargeMessagesDirectory(data.resolve("large").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("core", "tcp://127.0.0.1:" + core + "?protocols=CORE")
                .addAcceptorConfiguration("mqtt", "tcp://127.0.0.1:" + mqtt + "?protocols=MQTT");
        broker = new ActiveMQServerImpl(configuration);
        broker.start();
        broker.createQueue(QueueConfiguration.of("fleet").setAddress("atalaya.anpr.*.reads")
                .setRoutingType(RoutingType.MULTICAST).setDurable(true));
    }
}
