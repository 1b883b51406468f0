package org.atalaya.correlation.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.runtime.CanonicalJson;

/**
 * The reads one message on {@code atalaya.in.anpr} carries: a canonical read, or a JSON array of
 * them (a connector's batch or post, see {@code EventArrays}). An array one of whose elements is
 * not a read still yields its other reads; the element is refused with the reason.
 */
final class InboundReads {

    /** A read, with the canonical JSON the archive gets. */
    record Carried(PlateRead read, String json) {
    }

    /** What is not a read: the text as it came, and why. */
    record Refused(String json, String reason, Exception failure) {
    }

    private final List<Carried> reads;
    private final List<Refused> refused;

    private InboundReads(List<Carried> reads, List<Refused> refused) {
        this.reads = reads;
        this.refused = refused;
    }

    static InboundReads of(String body) {
        ObjectMapper mapper = CanonicalJson.mapper();
        if (body == null || body.isBlank()) {
            return refusedWhole(body, new IllegalArgumentException("the message is empty"));
        }
        try {
            if (!isArray(body)) {
                PlateRead read = mapper.readValue(body, PlateRead.class);
                if (read == null) {
                    return refusedWhole(body, new IllegalArgumentException("the message is JSON null"));
                }
                return new InboundReads(List.of(new Carried(read, body)), List.of());
            }
            PlateRead[] array = mapper.readValue(body, PlateRead[].class);
            List<Carried> reads = new ArrayList<>(array.length);
            for (PlateRead read : array) {
                if (read == null) {
                    return elementByElement(body);
                }
                reads.add(new Carried(read, mapper.writeValueAsString(read)));
            }
            return new InboundReads(reads, List.of());
        } catch (IOException | RuntimeException notReads) {
            return isArray(body) ? elementByElement(body) : refusedWhole(body, notReads);
        }
    }

    /** The reads, in the order they came. */
    List<Carried> reads() {
        return reads;
    }

    /** What is not a read, in the order it came. */
    List<Refused> refused() {
        return refused;
    }

    /** The slow way, taken only when an array is not all reads. */
    private static InboundReads elementByElement(String body) {
        JsonNode array;
        try {
            array = CanonicalJson.mapper().readTree(body);
        } catch (JsonProcessingException notJson) {
            return refusedWhole(body, notJson);
        }
        List<Carried> reads = new ArrayList<>(array.size());
        List<Refused> refused = new ArrayList<>(1);
        for (JsonNode element : array) {
            String json = element.toString();
            try {
                if (!element.isObject()) {
                    throw new IllegalArgumentException("an element of the array is not a JSON object: " + json);
                }
                reads.add(new Carried(CanonicalJson.mapper().treeToValue(element, PlateRead.class), json));
            } catch (IOException | RuntimeException notARead) {
                refused.add(refusal(json, notARead));
            }
        }
        return new InboundReads(reads, refused);
    }

    private static InboundReads refusedWhole(String body, Exception failure) {
        return new InboundReads(List.of(), List.of(refusal(body, failure)));
    }

    private static Refused refusal(String json, Exception failure) {
        return new Refused(json, "not a canonical plate read: " + failure.getMessage(), failure);
    }

    private static boolean isArray(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '[';
            }
        }
        return false;
    }
}
