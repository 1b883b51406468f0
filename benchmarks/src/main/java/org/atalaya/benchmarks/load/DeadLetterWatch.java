package org.atalaya.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The hub's dead-letter queue ({@code atalaya.dlq}), drained as an operator's tool drains it:
 * over the broker's CORE port as an administrator. Each dead letter is kept as the digest of
 * its body (the hub dead-letters a device's payload as it was received, so the digest names the
 * input it came from), its size, and the headers that say why and where it failed.
 */
final class DeadLetterWatch implements AutoCloseable {

    /** A dead letter as the harness reads it. */
    record DeadLetter(String digest, int size, String reason, String type, String route,
            java.util.Map<String, String> properties) {
    }

    private final Connection connection;
    private final List<DeadLetter> received = Collections.synchronizedList(new ArrayList<>());

    private DeadLetterWatch(Connection connection) {
        this.connection = connection;
    }

    /** Starts draining the hub's dead-letter queue. */
    static DeadLetterWatch open(Hub hub) throws IOException, JMSException {
        Properties system = new Properties();
        try (var reader = Files.newBufferedReader(hub.home().resolve("etc/custom.system.properties"))) {
            system.load(reader);
        }
        String port = system.getProperty("atalaya.broker.port").strip();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
        Connection connection = factory.createConnection("admin", hub.password("admin"));
        DeadLetterWatch watch = new DeadLetterWatch(connection);
        try {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("atalaya.dlq"));
            consumer.setMessageListener(watch::received);
            connection.start();
        } catch (JMSException | RuntimeException failed) {
            connection.close();
            throw failed;
        }
        return watch;
    }

    private void received(Message message) {
        try {
            byte[] body;
            if (message instanceof BytesMessage bytes) {
                body = new byte[(int) bytes.getBodyLength()];
                bytes.readBytes(body);
            } else if (message instanceof TextMessage text) {
                body = text.getText() == null ? new byte[0] : text.getText().getBytes(StandardCharsets.UTF_8);
            } else {
                body = new byte[0];
            }
            java.util.Map<String, String> properties = new TreeMap<>();
            for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements();) {
                String name = (String) names.nextElement();
                Object value = message.getObjectProperty(name);
                String text = String.valueOf(value);
                properties.put(name, text.length() > 200 ? text.substring(0, 200) + "..." : text);
            }
            received.add(new DeadLetter(digest(body), body.length, message.getStringProperty("AtalayaFailureReason"),
                    message.getStringProperty("AtalayaFailureType"), message.getStringProperty("AtalayaFailedRoute"),
                    properties));
        } catch (JMSException unreadable) {
            received.add(new DeadLetter("", -1, "unreadable dead letter: " + unreadable, null, null,
                    java.util.Map.of()));
        }
    }

    /** Every dead letter received so far. */
    List<DeadLetter> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
