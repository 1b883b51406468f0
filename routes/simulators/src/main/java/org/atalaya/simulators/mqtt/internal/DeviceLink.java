package org.atalaya.simulators.mqtt.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated device's MQTT connection to the hub: connects in the background and retries with
 * backoff, so a simulator started before the broker, or one whose broker restarted, catches up by
 * itself. MQTT 3.1.1, clean session, with the device's account.
 *
 * <p>Reconnection is the simulator's own, on its publishing thread through
 * {@link #connectWhenDue()}, rather than Paho's automatic reconnect: Paho 1.2.5 neither retries a
 * first connection that fails (the hub's MQTT listener may start after this bundle) nor stops its
 * reconnect timer thread on close, which would outlive the bundle.
 */
public final class DeviceLink {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceLink.class);
    private static final long FIRST_RETRY_MILLIS = 1_000;
    private static final long LAST_RETRY_MILLIS = 30_000;

    private final String name;
    private final String brokerUrl;
    private final String user;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile long nextConnectAttempt;
    private volatile long retryMillis = FIRST_RETRY_MILLIS;

    /**
     * Makes the client without connecting: the first {@link #connectWhenDue()} does.
     *
     * @param name the simulator as log messages name it, {@code ANPR simulator}
     * @param maxInflight how many publishes may wait for the broker's acknowledgement before the
     *        next is refused
     * @throws IllegalArgumentException if {@code brokerUrl} is not an MQTT server URI; nothing is
     *         left running then
     */
    public DeviceLink(String name, String brokerUrl, String user, String password, String clientId,
            int maxInflight) {
        this.name = name;
        this.brokerUrl = brokerUrl;
        this.user = user;
        try {
            client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException("brokerUrl '" + brokerUrl + "' is not an MQTT server URI", e);
        }
        options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false); // see the class comment
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        options.setMaxInflight(maxInflight);
        options.setUserName(user);
        if (password != null) {
            options.setPassword(password.toCharArray());
        }
    }

    /**
     * Logs a warning when an established connection is lost; without it a loss goes unlogged and
     * only the reconnection shows.
     */
    public void warnWhenLost() {
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                LOG.warn("{} lost its connection to {}: {}; reconnecting", name, brokerUrl, cause.toString());
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                // subscribes to nothing
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // the publisher's listener hears of it
            }
        });
    }

    public String clientId() {
        return client.getClientId();
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /**
     * Starts connecting in the background unless an attempt is under way or the next one is not
     * due yet: after a failure the delay doubles from 1 s to at most 30 s, and a success resets it.
     * Cheap enough to call on every tick while not connected.
     */
    public void connectWhenDue() {
        if (System.currentTimeMillis() < nextConnectAttempt || !connecting.compareAndSet(false, true)) {
            return;
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    retryMillis = FIRST_RETRY_MILLIS;
                    connecting.set(false);
                    LOG.info("{} connected to {} as {}", name, brokerUrl, user);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    connectFailed(failure);
                }
            });
        } catch (MqttException e) {
            connectFailed(e);
        }
    }

    /**
     * Publishes without retain; {@code delivered} hears of the broker's acknowledgement or the
     * failure, with {@code context} as the token's user context.
     *
     * @throws MqttException if the message is refused at once: not connected, or too many in flight
     */
    public void publish(String topic, byte[] payload, int qos, Object context, IMqttActionListener delivered)
            throws MqttException {
        client.publish(topic, payload, qos, false, context, delivered);
    }

    /**
     * Disconnects if connected and closes the client, so that none of its threads outlives the
     * simulator; a connection still being made or ended is dropped without the handshake.
     */
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1_000).waitForCompletion(5_000);
            }
        } catch (MqttException e) {
            LOG.debug("{} did not disconnect cleanly: {}", name, e.toString());
        }
        try {
            client.close();
        } catch (MqttException e) {
            // Still connecting or disconnecting: drop the connection without the handshake.
            try {
                client.disconnectForcibly(0, 1_000, false);
                client.close();
            } catch (MqttException again) {
                LOG.warn("{}'s MQTT client {} did not close", name, client.getClientId(), again);
            }
        }
    }

    private void connectFailed(Throwable failure) {
        long delay = retryMillis;
        nextConnectAttempt = System.currentTimeMillis() + delay;
        retryMillis = Math.min(LAST_RETRY_MILLIS, delay * 2);
        connecting.set(false);
        LOG.warn("{} cannot connect to {} as {}: {}; next attempt in {} s", name, brokerUrl, user,
                failure.getMessage(), delay / 1000);
    }
}
