package org.atalaya.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/** The framing the harness's MQTT clients share: fixed headers, lengths and strings as MQTT writes them. */
final class MqttPackets {

    static final int CONNECT = 0x10;
    static final int CONNACK = 0x20;
    static final int PUBLISH_QOS1 = 0x32;
    static final int PUBACK = 0x40;
    static final int DISCONNECT = 0xE0;

    private MqttPackets() {
    }

    /** A whole packet: the fixed header {@code type}, the remaining length, {@code variable}, then {@code payload}. */
    static byte[] packet(int type, byte[] variable, byte[] payload) {
        ByteArrayOutputStream packet = new ByteArrayOutputStream(variable.length + payload.length + 5);
        packet.write(type);
        variableInt(packet, variable.length + payload.length);
        packet.write(variable, 0, variable.length);
        packet.write(payload, 0, payload.length);
        return packet.toByteArray();
    }

    /** A UTF-8 string or binary field: two bytes of length, then the bytes. */
    static void string(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.write(bytes, 0, bytes.length);
    }

    /** A variable byte integer: seven bits a byte, the high bit set on all but the last. */
    static void variableInt(ByteArrayOutputStream out, int value) {
        do {
            int digit = value % 128;
            value /= 128;
            out.write(value > 0 ? digit | 0x80 : digit);
        } while (value > 0);
    }

    /**
     * The variable byte integer at {@code buffer}'s position, which moves past it; or -1, the
     * position moved too, when the buffer does not hold all of its bytes yet.
     */
    static int readVariableInt(ByteBuffer buffer) {
        int value = 0;
        for (int shift = 0; shift < 28 && buffer.hasRemaining(); shift += 7) {
            int digit = buffer.get() & 0xFF;
            value |= (digit & 0x7F) << shift;
            if ((digit & 0x80) == 0) {
                return value;
            }
        }
        return -1;
    }

    static int readVariableInt(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            int digit = in.readUnsignedByte();
            value |= (digit & 0x7F) << shift;
            if ((digit & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("malformed remaining length");
    }
}
