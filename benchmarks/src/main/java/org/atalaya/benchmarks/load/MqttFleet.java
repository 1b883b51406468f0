package org.atalaya.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Cameras publishing plate reads over MQTT, one connection each, QoS 1, each with a window of
 * reads in flight (sent, PUBACK not yet received). A read is accepted when its PUBACK comes: the
 * broker sends it only once the read is on disk. Reads whose connection fails before their PUBACK
 * stay pending and are sent again by {@link #resendPending()}, with the same id, as a camera
 * does after a reconnect.
 */
public final class MqttFleet implements AutoCloseable {

    /** Told of every accepted read. */
    public interface Acceptance {
        void accepted(long read);
    }

    private final List<Camera> cameras = new ArrayList<>();
    private final LongFunction<String> payloads;
    private final Acceptance acceptance;
    private final ConcurrentHashMap<Long, Boolean> pending = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final String uri;
    private final String user;
    private final char[] password;
    private final int window;

    /**
     * @param payloads read number to JSON, for the camera {@link #camera(long)} names
     */
    public MqttFleet(String uri, String user, String password, List<String> cameraIds, int window,
            LongFunction<String> payloads, Acceptance acceptance) {
        this.uri = uri;
        this.user = user;
        this.password = password.toCharArray();
        this.window = window;
        this.payloads = payloads;
        this.acceptance = acceptance;
        for (String id : cameraIds) {
            cameras.add(new Camera(id));
        }
    }

    /** Connects every camera that is not connected; false if one could not. */
    public boolean connect() {
        boolean all = true;
        for (Camera camera : cameras) {
            all &= camera.connect();
        }
        return all;
    }

    /** The camera that sends read {@code n}. */
    public String camera(long n) {
        return cameras.get((int) (n % cameras.size())).id;
    }

    /**
     * Sends read {@code n} from its camera, waiting while the camera's window is full; false if
     * the camera is not connected (the read is then pending).
     */
    public boolean send(long n) throws InterruptedException {
        pending.put(n, Boolean.TRUE);
        return cameras.get((int) (n % cameras.size())).publish(n);
    }

    /** Sends every pending read again; false if a camera is not connected. */
    public boolean resendPending() throws InterruptedException {
        for (Long n : new ArrayList<>(pending.keySet())) {
            if (!cameras.get((int) (n % cameras.size())).publish(n)) {
                return false;
            }
        }
        return true;
    }

    /** Waits until no read is pending or a connection fails; true when none is pending. */
    public boolean drain(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (pending) {
            while (!pending.isEmpty() && cameras.stream().allMatch(Camera::connected)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                pending.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            return pending.isEmpty();
        }
    }

    public long accepted() {
        return accepted.get();
    }

    public int pending() {
        return pending.size();
    }

    public int connections() {
        return cameras.size();
    }

    @Override
    public void close() {
        for (Camera camera : cameras) {
            camera.close();
        }
    }

    private final class Camera implements IMqttActionListener {

        final String id;
        final String topic;
        final Semaphore inFlight = new Semaphore(window);
        volatile MqttAsyncClient client;

        Camera(String id) {
            this.id = id;
            this.topic = "atalaya/anpr/" + id + "/reads";
        }

        boolean connected() {
            MqttAsyncClient current = client;
            return current != null && current.isConnected();
        }

        boolean connect() {
            if (connected()) {
                return true;
            }
            close();
            try {
                MqttAsyncClient fresh = new MqttAsyncClient(uri, "bench-" + id, new MemoryPersistence());
                MqttConnectOptions options = new MqttConnectOptions();
                options.setUserName(user);
                options.setPassword(password);
                options.setCleanSession(true);
                options.setMaxInflight(window);
                options.setAutomaticReconnect(false);
                options.setConnectionTimeout(10);
                options.setKeepAliveInterval(30);
                fresh.connect(options).waitForCompletion(15_000);
                inFlight.drainPermits();
                inFlight.release(window);
                client = fresh;
                return true;
            } catch (MqttException refused) {
                return false;
            }
        }

        boolean publish(long n) throws InterruptedException {
            MqttAsyncClient current = client;
            if (current == null) {
                return false;
            }
            while (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (!current.isConnected()) {
                    return false;
                }
            }
            MqttMessage message = new MqttMessage(payloads.apply(n).getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            while (true) {
                try {
                    current.publish(topic, message, n, this);
                    return true;
                } catch (MqttException refused) {
                    // the client calls onSuccess a moment before it frees the PUBACK's in-flight slot
                    if (refused.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT || !current.isConnected()) {
                        inFlight.release();
                        return false;
                    }
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100));
                }
            }
        }

        @Override
        public void onSuccess(IMqttToken token) {
            long n = (Long) token.getUserContext();
            inFlight.release();
            if (pending.remove(n) != null) {
                accepted.incrementAndGet();
                acceptance.accepted(n);
                if (pending.isEmpty()) {
                    synchronized (pending) {
                        pending.notifyAll();
                    }
                }
            }
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
            // The read stays pending: resendPending() sends it again once connected.
            inFlight.release();
            synchronized (pending) {
                pending.notifyAll();
            }
        }

        void close() {
            MqttAsyncClient current = client;
            client = null;
            if (current != null) {
                try {
                    if (current.isConnected()) {
                        current.disconnectForcibly(0, 1000);
                    }
                    current.close(true);
                } catch (MqttException ignored) {
                    // a dead connection closes anyway
                }
            }
        }
    }
}
