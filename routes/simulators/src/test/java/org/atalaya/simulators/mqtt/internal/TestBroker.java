package org.atalaya.simulators.mqtt.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

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

/**
 * A real MQTT broker for the simulators' tests that checks accounts and permissions as the hub's
 * does, with the hub listening: one device account that may publish on its addresses and nothing
 * else, and the hub's account, subscribed to what the device publishes.
 */
public final class TestBroker {

    private static final String HUB_USER = "atalaya-hub";
    private static final String HUB_PASSWORD = "hub-password-for-tests";

    /** One message the hub received. */
    public record Published(String topic, byte[] payload) {
    }

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final Queue<Published> published = new ConcurrentLinkedQueue<>();
    private final String url;
    private final String topicFilter;
    private final MqttClient hub;

    /**
     * @param deviceAddresses the Artemis address match the device may publish on: {@code #} for
     *        all, {@code atalaya.face.#} for the face topics
     * @param topicFilter what the hub subscribes to, at QoS 1
     */
    public TestBroker(String deviceUser, String devicePassword, String deviceRole, String deviceAddresses,
            String topicFilter) throws Exception {
        url = "tcp://127.0.0.1:" + freePort();
        this.topicFilter = topicFilter;
        SecurityConfiguration accounts = new SecurityConfiguration(
                Map.of(deviceUser, devicePassword, HUB_USER, HUB_PASSWORD),
                Map.of(deviceUser, List.of(deviceRole), HUB_USER, List.of("hub")));
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(true)
                .addAcceptorConfiguration("mqtt", url + "?protocols=MQTT");
        // name, send, consume, create/delete durable queue, create/delete non-durable queue,
        // manage, browse, create/delete address, view, edit
        Role hubRole = new Role("hub", true, true, true, true, true, true, false, true, true, true, false, false);
        configuration.putSecurityRoles("#", Set.of(hubRole));
        configuration.putSecurityRoles(deviceAddresses, Set.of(hubRole,
                new Role(deviceRole, true, false, false, false, false, false, false, false, true, false, false,
                        false)));
        broker.setConfiguration(configuration);
        broker.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), accounts));
        broker.start();

        hub = new MqttClient(url, "hub-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(HUB_USER);
        options.setPassword(HUB_PASSWORD.toCharArray());
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        hub.connect(options);
        hub.subscribe(topicFilter, 1, (topic, message) -> published.add(new Published(topic, message.getPayload())));
    }

    public String url() {
        return url;
    }

    /** What the hub received so far, in order. */
    public Queue<Published> published() {
        return published;
    }

    public void stop() throws Exception {
        hub.unsubscribe(topicFilter);
        hub.disconnect();
        hub.close();
        broker.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
