package org.atalaya.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.atalaya.api.anpr.Direction;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.anpr.PlateReadRepository;
import org.atalaya.api.messaging.Addresses;
import org.atalaya.api.messaging.EventHeaders;
import org.atalaya.runtime.CanonicalJson;
import org.atalaya.store.internal.StoresForTests;
import org.atalaya.store.jdbc.Database;
import org.atalaya.store.jdbc.DatabaseTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read archive's consumer on a real broker and the store's read archive: the reads of a
 * message are stored, and what is not a read goes to the dead-letter address with its reason, in
 * the transaction that takes the message off {@code atalaya.archive.anpr}.
 */
class ReadArchiverTest extends DatabaseTestSupport {

    private static final String IN_VM = "vm://61";

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private ActiveMQConnectionFactory connections;
    private PlateReadRepository reads;
    private ReadArchiver archiver;
    private Thread archiving;

    @BeforeEach
    void start() throws Exception {
        broker.setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", IN_VM));
        broker.start();
        connections = new ActiveMQConnectionFactory(IN_VM);
        reads = StoresForTests.plateReads(Database.open(anotherDatabase(), Database.Schema.ARCHIVE));
        archiver = new ReadArchiver(connections, reads, plate -> plate, 100);
        archiving = new Thread(archiver, "atalaya-anpr-archive");
        archiving.start();
    }

    @AfterEach
    void stop() throws Exception {
        archiver.stop();
        archiving.join(Duration.ofSeconds(30).toMillis());
        connections.close();
        broker.stop();
    }

    @Test
    void whatIsNotAReadIsDeadLetteredWithItsReasonAndTheReadsBesideItAreStored() throws Exception {
        String noCapture = "{\"id\":\"read-x\",\"cameraId\":\"hacho-1\",\"plate\":\"1234BCD\"}";
        send("[" + json(read("read-1", "1234BCD")) + "," + noCapture + "," + json(read("read-2", "5678FGH")) + "]",
                "not json at all");

        await().atMost(Duration.ofSeconds(30)).until(() -> reads.count() == 2);
        List<TextMessage> dead = receiveAll(Addresses.DEAD_LETTERS, 2);
        assertThat(dead).extracting(TextMessage::getText).containsExactly(noCapture, "not json at all");
        for (TextMessage letter : dead) {
            assertThat(letter.getStringProperty(EventHeaders.FAILURE_REASON)).isNotBlank();
            assertThat(letter.getStringProperty(EventHeaders.FAILED_ROUTE)).isEqualTo("anpr-archive");
            assertThat(letter.getStringProperty(EventHeaders.FAILED_FROM)).isEqualTo(Addresses.ANPR_ARCHIVE);
        }
        assertThat(dead.get(0).getStringProperty(EventHeaders.FAILURE_REASON)).contains("capturedAt");
        // taken off the archive's queue with them
        await().atMost(Duration.ofSeconds(30)).until(() -> messageCount(Addresses.ANPR_ARCHIVE) == 0);
        assertThat(reads.readsWithKey("1234BCD", Instant.EPOCH)).extracting(PlateRead::id).containsExactly("read-1");
    }

    @Test
    void aReadSentTwiceIsStoredOnce() throws Exception {
        String first = json(read("read-1", "1234BCD"));
        send(first, "[" + first + "," + json(read("read-2", "5678FGH")) + "]");

        await().atMost(Duration.ofSeconds(30)).until(() -> messageCount(Addresses.ANPR_ARCHIVE) == 0);
        assertThat(reads.count()).isEqualTo(2);
        assertThat(messageCount(Addresses.DEAD_LETTERS)).isZero();
    }

    private void send(String... bodies) throws Exception {
        try (Connection connection = connections.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(Addresses.ANPR_ARCHIVE));
            for (String body : bodies) {
                producer.send(session.createTextMessage(body));
            }
            session.commit();
        }
    }

    private List<TextMessage> receiveAll(String queue, int count) throws Exception {
        List<TextMessage> received = new ArrayList<>();
        try (Connection connection = connections.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            connection.start();
            for (int i = 0; i < count; i++) {
                Message message = consumer.receive(Duration.ofSeconds(30).toMillis());
                assertThat(message).as("dead letter %d of %d", i + 1, count).isInstanceOf(TextMessage.class);
                received.add((TextMessage) message);
            }
            assertThat(consumer.receiveNoWait()).isNull();
        }
        return received;
    }

    private long messageCount(String queue) {
        var located = broker.getActiveMQServer().locateQueue(queue);
        return located == null ? 0 : located.getMessageCount();
    }

    private static PlateRead read(String id, String plate) {
        return new PlateRead(id, "hacho-1", Instant.parse("2026-11-22T08:00:00Z"), plate, plate, "ES", 0.9,
                Direction.APPROACHING, null, null);
    }

    private static String json(PlateRead read) throws Exception {
        return CanonicalJson.mapper().writeValueAsString(read);
    }
}
