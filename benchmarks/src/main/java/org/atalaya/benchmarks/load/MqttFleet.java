package org.atalaya.benchmarks.load;

import static org.atalaya.benchmarks.load.MqttPackets.CONNACK;
import static org.atalaya.benchmarks.load.MqttPackets.CONNECT;
import static org.atalaya.benchmarks.load.MqttPackets.DISCONNECT;
import static org.atalaya.benchmarks.load.MqttPackets.PUBACK;
import static org.atalaya.benchmarks.load.MqttPackets.PUBLISH_QOS1;
import static org.atalaya.benchmarks.load.MqttPackets.packet;
import static org.atalaya.benchmarks.load.MqttPackets.readVariableInt;
import static org.atalaya.benchmarks.load.MqttPackets.string;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Cameras publishing plate reads over MQTT 3.1.1, one connection each, QoS 1, each with a window
 * of reads in flight (sent, PUBACK not yet received). A read is accepted when its PUBACK comes:
 * the broker sends it only once the read is on disk. Reads whose connection fails before their
 * PUBACK stay pending and are sent again by {@link #resendPending()}, with the same id, as a
 * camera does after a reconnect.
 *
 * <p>The cameras stand for devices on the city's network, yet run on the hub's two cores, so they
 * are written to cost those cores little: a read is written to its camera's socket by the thread
 * that sends it, and one thread reads every connection's PUBACKs ({@code mqtt-fleet}). A client
 * library with threads of its own for each connection (three a camera) took a tenth of a core
 * here and added a hand-off between threads to every read it timed (BENCHMARKS.md,
 * twenty-fifth).
 */
public final class MqttFleet implements AutoCloseable {

    /** Told of every accepted read. */
    public interface Acceptance {
        void accepted(long read);
    }

    private static final int CONNECT_TIMEOUT_MILLIS = 15_000;
    private static final int READ_BUFFER_BYTES = 16 << 10;

    private final List<Camera> cameras = new ArrayList<>();
    private final LongFunction<String> payloads;
    private final Acceptance acceptance;
    private final ConcurrentHashMap<Long, Boolean> pending = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final InetSocketAddress broker;
    private final byte[] user;
    private final byte[] password;
    private final int window;
    private final Selector selector;
    private final ConcurrentLinkedQueue<Link> toRegister = new ConcurrentLinkedQueue<>();
    private final Thread reader;
    private volatile boolean closed;

    /**
     * @param uri {@code tcp://host:port} of the broker's MQTT acceptor
     * @param payloads read number to JSON, for the camera {@link #camera(long)} names
     */
    public MqttFleet(String uri, String user, String password, List<String> cameraIds, int window,
            LongFunction<String> payloads, Acceptance acceptance) {
        URI parsed = URI.create(uri);
        if (!"tcp".equals(parsed.getScheme())) {
            throw new IllegalArgumentException("the fleet connects over tcp://host:port, not " + uri);
        }
        this.broker = new InetSocketAddress(parsed.getHost(), parsed.getPort());
        this.user = user.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
        this.window = window;
        this.payloads = payloads;
        this.acceptance = acceptance;
        for (String id : cameraIds) {
            cameras.add(new Camera(id));
        }
        try {
            this.selector = Selector.open();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        this.reader = new Thread(this::readAcknowledgements, "mqtt-fleet");
        reader.setDaemon(true);
        reader.start();
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
        closed = true;
        for (Camera camera : cameras) {
            camera.close();
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // the reader ends either way
        }
        reader.interrupt();
    }

    /** The {@code mqtt-fleet} thread: every camera's answers, as they come. */
    private void readAcknowledgements() {
        try {
            while (!closed) {
                selector.select();
                for (Link link; (link = toRegister.poll()) != null; ) {
                    link.register();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    ((Link) key.attachment()).readable();
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException ended) {
            // closed
        }
    }

    private void released() {
        synchronized (pending) {
            pending.notifyAll();
        }
    }

    private final class Camera {

        final String id;
        final byte[] topic;
        volatile Link link;
        int nextPacketId = 1;

        Camera(String id) {
            this.id = id;
            this.topic = ("atalaya/anpr/" + id + "/reads").getBytes(StandardCharsets.UTF_8);
        }

        boolean connected() {
            Link current = link;
            return current != null && current.channel.isOpen();
        }

        /** A clean session, no keep-alive; returns once the broker accepted it. */
        synchronized boolean connect() {
            if (connected()) {
                return true;
            }
            close();
            SocketChannel fresh = null;
            try {
                fresh = SocketChannel.open();
                fresh.setOption(StandardSocketOptions.TCP_NODELAY, true);
                fresh.socket().connect(broker, CONNECT_TIMEOUT_MILLIS);
                fresh.socket().setSoTimeout(CONNECT_TIMEOUT_MILLIS);
                ByteArrayOutputStream variable = new ByteArrayOutputStream();
                string(variable, "MQTT".getBytes(StandardCharsets.US_ASCII));
                variable.write(4); // 3.1.1
                variable.write(0x80 | 0x40 | 0x02); // user name, password, clean session
                variable.write(0); // no keep-alive: the broker does not drop a camera that pauses
                variable.write(0);
                ByteArrayOutputStream payload = new ByteArrayOutputStream();
                string(payload, ("bench-" + id).getBytes(StandardCharsets.UTF_8));
                string(payload, user);
                string(payload, password);
                Link.write(fresh, packet(CONNECT, variable.toByteArray(), payload.toByteArray()));
                DataInputStream in = new DataInputStream(fresh.socket().getInputStream());
                int type = in.readUnsignedByte();
                byte[] body = new byte[readVariableInt(in)];
                in.readFully(body);
                if ((type & 0xF0) != CONNACK || body.length < 2 || body[1] != 0) {
                    fresh.close();
                    return false;
                }
                fresh.configureBlocking(false);
                Link connected = new Link(fresh);
                link = connected;
                toRegister.add(connected);
                selector.wakeup();
                return true;
            } catch (IOException refused) {
                if (fresh != null) {
                    try {
                        fresh.close();
                    } catch (IOException ignored) {
                        // not connected anyway
                    }
                }
                return false;
            }
        }

        boolean publish(long n) throws InterruptedException {
            Link current = link;
            if (current == null) {
                return false;
            }
            while (!current.inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (!current.channel.isOpen()) {
                    return false;
                }
            }
            byte[] body = payloads.apply(n).getBytes(StandardCharsets.UTF_8);
            synchronized (this) {
                if (link != current || !current.channel.isOpen()) {
                    return false;
                }
                int packetId = nextPacketId;
                nextPacketId = nextPacketId == 0xFFFF ? 1 : nextPacketId + 1;
                ByteArrayOutputStream variable = new ByteArrayOutputStream(topic.length + 4);
                string(variable, topic);
                variable.write(packetId >> 8);
                variable.write(packetId & 0xFF);
                current.unacknowledged.put(packetId, n);
                try {
                    Link.write(current.channel, packet(PUBLISH_QOS1, variable.toByteArray(), body));
                    return true;
                } catch (IOException broken) {
                    current.lost();
                    return false;
                }
            }
        }

        synchronized void close() {
            Link current = link;
            link = null;
            if (current != null && current.channel.isOpen()) {
                try {
                    // two bytes: they fit the socket's buffer, blocking or not
                    current.channel.write(ByteBuffer.wrap(new byte[] {(byte) DISCONNECT, 0}));
                } catch (IOException gone) {
                    // closed from the other side already
                }
                current.lost();
            }
        }
    }

    /** One connection of a camera: its socket, the reads in flight on it, and what it received. */
    private final class Link {

        final SocketChannel channel;
        final Semaphore inFlight = new Semaphore(window);
        /** Packet id → read. */
        final Map<Integer, Long> unacknowledged = new ConcurrentHashMap<>();
        /** Read by the {@code mqtt-fleet} thread alone. */
        final ByteBuffer received = ByteBuffer.allocate(READ_BUFFER_BYTES);

        Link(SocketChannel channel) {
            this.channel = channel;
        }

        void register() {
            try {
                channel.register(selector, SelectionKey.OP_READ, this);
            } catch (IOException closedMeanwhile) {
                lost();
            }
        }

        /** The PUBACKs that came on this connection, or its end. */
        void readable() {
            try {
                if (channel.read(received) < 0) {
                    lost();
                    return;
                }
            } catch (IOException broken) {
                lost();
                return;
            }
            received.flip();
            while (received.hasRemaining()) {
                int start = received.position();
                int type = received.get() & 0xF0;
                int length = readVariableInt(received);
                if (length < 0 || received.remaining() < length) {
                    received.position(start); // the rest of the packet is still on its way
                    break;
                }
                if (type == PUBACK && length >= 2) {
                    int at = received.position();
                    acknowledged((received.get(at) & 0xFF) << 8 | received.get(at + 1) & 0xFF);
                }
                received.position(received.position() + length);
            }
            received.compact();
            if (!received.hasRemaining()) {
                lost(); // a packet larger than the buffer: nothing a broker sends a publisher
            }
        }

        private void acknowledged(int packetId) {
            Long n = unacknowledged.remove(packetId);
            if (n == null) {
                return;
            }
            inFlight.release();
            if (pending.remove(n) != null) {
                accepted.incrementAndGet();
                acceptance.accepted(n);
                if (pending.isEmpty()) {
                    released();
                }
            }
        }

        /** The connection ended: its reads in flight stay pending, for {@link #resendPending()}. */
        void lost() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closed either way
            }
            inFlight.release(window); // a sender waiting for room sees the connection closed
            released();
        }

        /** Writes all of {@code packet}, waiting while the socket's buffer is full. */
        static void write(SocketChannel to, byte[] packet) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(packet);
            while (buffer.hasRemaining()) {
                if (to.write(buffer) == 0) {
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
                }
            }
        }
    }
}
