package org.atalaya.routes.anpr.internal;

import java.util.List;
import java.util.Map;

import org.apache.activemq.artemis.api.core.ActiveMQBuffer;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.DivertConfiguration;
import org.apache.activemq.artemis.core.message.impl.CoreMessage;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ComponentConfigurationRoutingType;
import org.apache.activemq.artemis.core.server.transformer.Transformer;
import org.apache.activemq.artemis.reader.TextMessageUtil;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.messaging.Addresses;
import org.atalaya.api.messaging.EventHeaders;
import org.atalaya.runtime.DeadLetter;
import org.atalaya.runtime.DeviceTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A camera topic's reads turned into canonical reads as the broker routes them: an exclusive
 * divert from the topic's wildcard address to {@code atalaya.in.anpr}, whose transformer is this
 * connector's parser. A read a camera publishes is stored once, already canonical, and the
 * camera's {@code PUBACK} waits for that; the correlation takes it from there. A payload refused
 * is routed to {@code atalaya.dlq} instead, unchanged, with the reason in the same headers as
 * every dead letter ({@link EventHeaders#FAILURE_REASON} and the rest). The transformer never
 * throws: an exception there would fail the camera's publish, which it would send again.
 *
 * <p>While no divert is deployed (the connector not installed, or not started yet), what cameras
 * publish waits in the topic's durable subscription, which the connector's route drains.
 *
 * <p>The broker stores a divert made at run time with its other configuration; if the hub stops
 * without the connector removing it, {@code config-delete-diverts} {@code FORCE} in
 * {@code etc/artemis.xml} has the broker drop it at its next start, when this transformer is not
 * there yet, and reads wait in the subscription until the connector deploys it again.
 */
final class CameraReadDivert implements Transformer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CameraReadDivert.class);
    private static final SimpleString INBOUND = SimpleString.of(Addresses.INBOUND_ANPR);
    private static final SimpleString DEAD_LETTERS = SimpleString.of(Addresses.DEAD_LETTERS);

    private final ActiveMQServer broker;
    private final SimpleString name;
    private final DeviceTopic topic;
    private final PlateReadParser parser;
    private final String route;

    private CameraReadDivert(ActiveMQServer broker, String name, DeviceTopic topic, PlateReadParser parser,
            String route) {
        this.broker = broker;
        this.name = SimpleString.of(name);
        this.topic = topic;
        this.parser = parser;
        this.route = route;
    }

    /**
     * Deploys the divert of {@code topic}, replacing one of the same name.
     *
     * @param name  the divert's name on the broker
     * @param route what the dead letters name as the route that refused them
     */
    static CameraReadDivert deploy(ActiveMQServer broker, String name, DeviceTopic topic, PlateReadParser parser,
            String route) throws Exception {
        CameraReadDivert divert = new CameraReadDivert(broker, name, topic, parser, route);
        divert.destroy();
        broker.getServiceRegistry().addDivertTransformer(name, divert);
        broker.deployDivert(new DivertConfiguration()
                .setName(name)
                .setRoutingName(name)
                .setAddress(topic.address())
                .setForwardingAddress(Addresses.INBOUND_ANPR)
                .setExclusive(true)
                .setRoutingType(ComponentConfigurationRoutingType.ANYCAST));
        LOG.info("Reads published on {} are made canonical as the broker routes them to {} (divert {})", topic,
                Addresses.INBOUND_ANPR, name);
        return divert;
    }

    /** Removes the divert: what the cameras publish waits in the subscription again. */
    @Override
    public void close() throws Exception {
        if (broker.isStarted()) {
            destroy();
        }
        broker.getServiceRegistry().removeDivertTransformer(name.toString());
    }

    /** Destroys the divert of this name, and its stored configuration, if the broker has it. */
    private void destroy() throws Exception {
        if (broker.getPostOffice().getBinding(name) != null) {
            broker.destroyDivert(name, true);
        }
    }

    @Override
    public String toString() {
        return "divert " + name + " of " + topic;
    }

    @Override
    public Message transform(Message message) {
        String camera = topic.deviceOf(originalAddress(message));
        List<PlateRead> reads;
        String body;
        try {
            reads = parser.parse(payload(message), camera);
            body = CanonicalReads.message(reads);
        } catch (RuntimeException | JsonProcessingException refused) {
            return deadLetter(message, refused);
        }
        // a new message: nothing a camera set (MQTT 5 user properties) travels on
        CoreMessage canonical = new CoreMessage(message.getMessageID(), body.length() * 2 + 64);
        canonical.setAddress(INBOUND);
        canonical.setRoutingType(RoutingType.ANYCAST);
        canonical.setDurable(true);
        canonical.setTimestamp(message.getTimestamp());
        canonical.setType(Message.TEXT_TYPE);
        TextMessageUtil.writeBodyText(canonical.getBodyBuffer(), SimpleString.of(body));
        return canonical;
    }

    private Message deadLetter(Message message, Exception refused) {
        String from = String.valueOf(originalAddress(message));
        Map<String, String> headers = DeadLetter.headers(null, refused, route, from);
        LOG.warn("Refused a read published on {}: {}", from, headers.get(EventHeaders.FAILURE_REASON));
        message.setAddress(DEAD_LETTERS);
        message.setRoutingType(RoutingType.ANYCAST);
        headers.forEach(message::putStringProperty);
        return message;
    }

    /** The address the camera published on (the divert set the copy's own to its forwarding address). */
    private static String originalAddress(Message message) {
        SimpleString original = message.getSimpleStringProperty(Message.HDR_ORIGINAL_ADDRESS);
        return original == null ? null : original.toString();
    }

    private static byte[] payload(Message message) {
        ActiveMQBuffer body = message.toCore().getReadOnlyBodyBuffer();
        byte[] bytes = new byte[body.readableBytes()];
        body.readBytes(bytes);
        return bytes;
    }
}
