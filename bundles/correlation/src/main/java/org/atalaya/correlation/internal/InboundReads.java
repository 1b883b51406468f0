package org.atalaya.correlation.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.runtime.CanonicalJson;

/**
 * The reads one message on {@code atalaya.in.anpr} carries: a canonical read, or a JSON array of
 * them (a connector's batch or post, see {@code EventArrays}). An array one of whose elements is
 * not a read still yields its other reads; the element is refused with the reason. The reads and
 * what is refused are each in the order they came.
 */
record InboundReads(List<Carried> reads, List<Refused> refused) {

    /**
     * A read, and its canonical JSON: its text in the message, from {@code from} to {@code to},
     * cut out only when asked for.
     */
    record Carried(PlateRead read, String message, int from, int to) {

        String json() {
            return message.substring(from, to);
        }
    }

    /** What is not a read: the text as it came, and why. */
    record Refused(String json, String reason, Exception failure) {
    }

    static InboundReads of(String body) {
        ObjectMapper mapper = CanonicalJson.mapper();
        if (body == null || body.isBlank()) {
            return refusedWhole(body, new IllegalArgumentException("the message is empty"));
        }
        if (isArray(body)) {
            return array(body);
        }
        try {
            PlateRead read = mapper.readValue(body, PlateRead.class);
            if (read == null) {
                return refusedWhole(body, new IllegalArgumentException("the message is JSON null"));
            }
            return new InboundReads(List.of(new Carried(read, body, 0, body.length())), List.of());
        } catch (IOException | RuntimeException notARead) {
            return refusedWhole(body, notARead);
        }
    }

    /**
     * An array read element by element off one parser: each read's JSON is its text in the
     * array, not written again.
     */
    private static InboundReads array(String body) {
        try (JsonParser parser = CanonicalJson.mapper().createParser(body)) {
            parser.nextToken(); // the array's start
            List<Carried> reads = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                int from = (int) parser.currentTokenLocation().getCharOffset();
                PlateRead read = parser.readValueAs(PlateRead.class);
                reads.add(new Carried(read, body, from, (int) parser.currentLocation().getCharOffset()));
            }
            if (parser.currentToken() == JsonToken.END_ARRAY) {
                return new InboundReads(reads, List.of());
            }
        } catch (IOException | RuntimeException notAllReads) {
            // the slow way below says which elements
        }
        return elementByElement(body);
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
                reads.add(new Carried(CanonicalJson.mapper().treeToValue(element, PlateRead.class), json, 0,
                        json.length()));
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
