package org.atalaya.benchmarks.load;

import static org.atalaya.benchmarks.load.MqttPackets.CONNACK;
import static org.atalaya.benchmarks.load.MqttPackets.CONNECT;
import static org.atalaya.benchmarks.load.MqttPackets.DISCONNECT;
import static org.atalaya.benchmarks.load.MqttPackets.PUBACK;
import static org.atalaya.benchmarks.load.MqttPackets.PUBLISH_QOS1;
import static org.atalaya.benchmarks.load.MqttPackets.packet;
import static org.atalaya.benchmarks.load.MqttPackets.readVariableInt;
import static org.atalaya.benchmarks.load.MqttPackets.string;
import static org.atalaya.benchmarks.load.MqttPackets.variableInt;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One device on an MQTT 5 connection, written out byte by byte: the camera fleet
 * ({@link MqttFleet}) speaks 3.1.1, which has no user properties, and a hostile device sends
 * exactly the bytes it likes. It publishes at QoS 1, one message at a time, and tells what the
 * broker answered: the PUBACK's reason code, the DISCONNECT that refused it, or that the
 * connection just ended.
 */
final class MqttDevice implements AutoCloseable {

    /** What the broker answered to one PUBLISH. */
    record Answer(Kind kind, int reasonCode, String detail) {

        enum Kind {
            /** PUBACK with a reason code below 0x80: the message is on the broker. */
            ACCEPTED,
            /** PUBACK or DISCONNECT with a reason code of 0x80 or more: refused, with the reason. */
            REFUSED,
            /** The connection ended, or no answer came in time: nothing said why. */
            LOST
        }

        boolean accepted() {
            return kind == Kind.ACCEPTED;
        }
    }

    private static final int USER_PROPERTY = 0x26;
    private static final int REASON_STRING = 0x1F;
    private static final int MAXIMUM_PACKET_SIZE = 0x27;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final long maximumPacketSize;
    private int nextPacketId = 1;

    private MqttDevice(Socket socket, long maximumPacketSize) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.maximumPacketSize = maximumPacketSize;
    }

    /**
     * Connects (clean start, no keep-alive) and returns once the broker accepted the connection.
     *
     * @throws IOException when the broker refused it or did not answer
     */
    static MqttDevice connect(String host, int port, String clientId, String user, String password,
            Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            ByteArrayOutputStream variable = new ByteArrayOutputStream();
            string(variable, "MQTT".getBytes(StandardCharsets.US_ASCII));
            variable.write(5);
            variable.write(0x80 | 0x40 | 0x02);
            variable.write(0);
            variable.write(0);
            variableInt(variable, 0);
            string(variable, clientId.getBytes(StandardCharsets.UTF_8));
            string(variable, user.getBytes(StandardCharsets.UTF_8));
            string(variable, password.getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(packet(CONNECT, variable.toByteArray(), new byte[0]));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int type = in.readUnsignedByte();
            byte[] body = new byte[readVariableInt(in)];
            in.readFully(body);
            if ((type & 0xF0) != CONNACK || body.length < 2) {
                throw new IOException("the broker answered CONNECT with packet type 0x" + Integer.toHexString(type));
            }
            if (body[1] != 0) {
                throw new IOException("the broker refused the connection: reason code 0x"
                        + Integer.toHexString(body[1] & 0xFF));
            }
            long maximum = 268_435_455;
            Properties properties = Properties.read(body, 2);
            if (properties.values.containsKey(MAXIMUM_PACKET_SIZE)) {
                maximum = properties.values.get(MAXIMUM_PACKET_SIZE);
            }
            return new MqttDevice(socket, maximum);
        } catch (IOException | RuntimeException failed) {
            socket.close();
            throw failed;
        }
    }

    /** The largest packet the broker said it takes (its CONNACK's Maximum Packet Size). */
    long maximumPacketSize() {
        return maximumPacketSize;
    }

    boolean connected() {
        return !socket.isClosed();
    }

    /**
     * Publishes at QoS 1 and waits for the broker's answer.
     *
     * @param userProperties MQTT 5 user properties, in order
     */
    Answer publish(String topic, byte[] payload, List<Map.Entry<String, String>> userProperties) {
        int id = nextPacketId;
        nextPacketId = nextPacketId == 0xFFFF ? 1 : nextPacketId + 1;
        try {
            ByteArrayOutputStream properties = new ByteArrayOutputStream();
            for (Map.Entry<String, String> property : userProperties) {
                properties.write(USER_PROPERTY);
                string(properties, property.getKey().getBytes(StandardCharsets.UTF_8));
                string(properties, property.getValue().getBytes(StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream variable = new ByteArrayOutputStream();
            string(variable, topic.getBytes(StandardCharsets.UTF_8));
            variable.write(id >> 8);
            variable.write(id & 0xFF);
            variableInt(variable, properties.size());
            properties.writeTo(variable);
            out.write(packet(PUBLISH_QOS1, variable.toByteArray(), payload));
            out.flush();
            while (true) {
                int type = in.readUnsignedByte();
                byte[] body = new byte[readVariableInt(in)];
                in.readFully(body);
                if ((type & 0xF0) == PUBACK && body.length >= 2 && ((body[0] & 0xFF) << 8 | body[1] & 0xFF) == id) {
                    int reason = body.length > 2 ? body[2] & 0xFF : 0;
                    String text = body.length > 3 ? Properties.read(body, 3).reason : null;
                    return new Answer(reason < 0x80 ? Answer.Kind.ACCEPTED : Answer.Kind.REFUSED, reason,
                            text == null ? "PUBACK 0x" + Integer.toHexString(reason) : text);
                }
                if ((type & 0xF0) == DISCONNECT) {
                    int reason = body.length > 0 ? body[0] & 0xFF : 0;
                    String text = body.length > 1 ? Properties.read(body, 1).reason : null;
                    close();
                    return new Answer(reason >= 0x80 ? Answer.Kind.REFUSED : Answer.Kind.LOST, reason,
                            "DISCONNECT 0x" + Integer.toHexString(reason) + (text == null ? "" : ": " + text));
                }
            }
        } catch (SocketTimeoutException silent) {
            close();
            return new Answer(Answer.Kind.LOST, -1, "no PUBACK within " + socketTimeout() + " ms");
        } catch (EOFException closed) {
            close();
            return new Answer(Answer.Kind.LOST, -1, "the broker closed the connection without a reason");
        } catch (IOException broken) {
            close();
            return new Answer(Answer.Kind.LOST, -1, "connection failed: " + broken.getMessage());
        }
    }

    private int socketTimeout() {
        try {
            return socket.getSoTimeout();
        } catch (IOException closed) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            if (!socket.isClosed()) {
                try {
                    out.write(new byte[] {(byte) DISCONNECT, 0});
                    out.flush();
                } catch (IOException gone) {
                    // closed from the other side already
                }
            }
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    /** The properties of an answer the harness reads: integers by identifier, and the reason string. */
    private record Properties(Map<Integer, Long> values, String reason) {

        static Properties read(byte[] body, int at) {
            Map<Integer, Long> values = new java.util.HashMap<>();
            String reason = null;
            int length = 0;
            int shift = 0;
            int i = at;
            while (i < body.length) {
                int digit = body[i++] & 0xFF;
                length |= (digit & 0x7F) << shift;
                shift += 7;
                if ((digit & 0x80) == 0) {
                    break;
                }
            }
            int end = Math.min(body.length, i + length);
            while (i < end) {
                int id = body[i++] & 0xFF;
                switch (id) {
                    case MAXIMUM_PACKET_SIZE, 0x11, 0x02 -> {
                        values.put(id, ((body[i] & 0xFFL) << 24) | ((body[i + 1] & 0xFFL) << 16)
                                | ((body[i + 2] & 0xFFL) << 8) | (body[i + 3] & 0xFFL));
                        i += 4;
                    }
                    case 0x21, 0x22, 0x13 -> {
                        values.put(id, (long) ((body[i] & 0xFF) << 8 | body[i + 1] & 0xFF));
                        i += 2;
                    }
                    case 0x24, 0x25, 0x28, 0x29, 0x2A -> values.put(id, (long) (body[i++] & 0xFF));
                    case REASON_STRING, 0x12, 0x1A, 0x1C, 0x15 -> {
                        int n = (body[i] & 0xFF) << 8 | body[i + 1] & 0xFF;
                        String text = new String(body, i + 2, n, StandardCharsets.UTF_8);
                        if (id == REASON_STRING) {
                            reason = text;
                        }
                        i += 2 + n;
                    }
                    case USER_PROPERTY -> {
                        int key = (body[i] & 0xFF) << 8 | body[i + 1] & 0xFF;
                        i += 2 + key;
                        int value = (body[i] & 0xFF) << 8 | body[i + 1] & 0xFF;
                        i += 2 + value;
                    }
                    default -> i = end; // one the harness does not need: stop reading
                }
            }
            return new Properties(values, reason);
        }
    }
}
