package org.atalaya.routes.citysensors.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.atalaya.api.event.Measurement;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.api.event.SensorKind;
import org.atalaya.api.event.SensorReading;

/**
 * Turns what a sensor published into a {@link SensorReading}, or rejects it with a reason a
 * device integrator can act on. Everything is checked: size, JSON shape, the sensor's identity
 * against the topic it published on, clock skew, quantities, units and physical ranges.
 */
final class SensorReadingParser {

    static final int MAX_MEASUREMENTS = 32;

    private static final Pattern SENSOR_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern READING_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

    private final ObjectMapper json;
    private final int maxBytes;
    private final Duration maxClockSkew;
    private final Duration maxAge;
    private final Clock clock;

    SensorReadingParser(int maxBytes, Duration maxClockSkew, Duration maxAge, Clock clock) {
        this.maxBytes = maxBytes;
        this.maxClockSkew = maxClockSkew;
        this.maxAge = maxAge;
        this.clock = clock;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(8)
                        .maxStringLength(1024)
                        .maxNumberLength(32)
                        .build())
                .build();
        this.json = new ObjectMapper(factory);
    }

    /**
     * @param payload     the bytes as published
     * @param topicSensor the sensor id in the topic the payload was published on
     */
    SensorReading parse(byte[] payload, String topicSensor) {
        if (payload == null || payload.length == 0) {
            throw new RejectedEvent("empty payload");
        }
        if (payload.length > maxBytes) {
            throw new RejectedEvent("payload of " + payload.length + " bytes exceeds the limit of " + maxBytes);
        }
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new RejectedEvent("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RejectedEvent("unreadable payload: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new RejectedEvent("payload must be a JSON object");
        }

        String sensorId = text(root, "sensorId");
        if (!SENSOR_ID.matcher(sensorId).matches()) {
            throw new RejectedEvent("sensorId must be 1-64 letters, digits, '-' or '_'");
        }
        if (topicSensor == null || !sensorId.equals(topicSensor)) {
            throw new RejectedEvent("sensorId '" + sensorId + "' does not match the topic's sensor '"
                    + topicSensor + "'");
        }
        SensorKind kind = kind(text(root, "kind"));
        Instant observedAt = instant(text(root, "observedAt"));
        List<Measurement> measurements = measurements(root.get("measurements"), kind);

        String id;
        if (root.hasNonNull("id")) {
            id = text(root, "id");
            if (!READING_ID.matcher(id).matches()) {
                throw new RejectedEvent("id must be 1-128 letters, digits or '.', ':', '@', '-', '_'");
            }
        } else {
            // Deterministic, so a reading the device publishes twice is still accepted once.
            id = sensorId + "@" + observedAt;
        }
        return new SensorReading(id, sensorId, kind, observedAt, measurements);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new RejectedEvent(field + " is missing");
        }
        if (!node.isTextual()) {
            throw new RejectedEvent(field + " must be a string");
        }
        return node.textValue();
    }

    private static SensorKind kind(String text) {
        try {
            return SensorKind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RejectedEvent("kind '" + text + "' is not one of traffic, energy, environment, weather");
        }
    }

    private Instant instant(String text) {
        Instant observedAt;
        try {
            observedAt = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new RejectedEvent("observedAt '" + text + "' is not an ISO-8601 date-time with offset");
        }
        Instant now = clock.instant();
        if (observedAt.isAfter(now.plus(maxClockSkew))) {
            throw new RejectedEvent("observedAt " + observedAt + " is more than " + maxClockSkew.toSeconds()
                    + " s ahead of the hub's clock");
        }
        if (observedAt.isBefore(now.minus(maxAge))) {
            throw new RejectedEvent("observedAt " + observedAt + " is older than " + maxAge.toHours() + " h");
        }
        return observedAt;
    }

    private static List<Measurement> measurements(JsonNode array, SensorKind kind) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new RejectedEvent("measurements must be a non-empty array");
        }
        if (array.size() > MAX_MEASUREMENTS) {
            throw new RejectedEvent("at most " + MAX_MEASUREMENTS + " measurements per reading");
        }
        List<Measurement> measurements = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String at = "measurements[" + i + "]";
            if (!node.isObject()) {
                throw new RejectedEvent(at + " must be an object");
            }
            String code = text(node, "quantity");
            Quantity quantity = Quantity.of(code)
                    .orElseThrow(() -> new RejectedEvent(at + ".quantity '" + code + "' is not known"));
            if (quantity.kind() != kind) {
                throw new RejectedEvent(at + ".quantity '" + code + "' is not measured by "
                        + kind.name().toLowerCase(Locale.ROOT) + " sensors");
            }
            String unit = text(node, "unit");
            if (!quantity.unit().equals(unit)) {
                throw new RejectedEvent(at + ".unit '" + unit + "' must be '" + quantity.unit() + "' for " + code);
            }
            JsonNode value = node.get("value");
            if (value == null || !value.isNumber() || !Double.isFinite(value.doubleValue())) {
                throw new RejectedEvent(at + ".value must be a finite number");
            }
            if (!quantity.accepts(value.doubleValue())) {
                throw new RejectedEvent(at + ".value " + value.asText() + " is outside " + quantity.range());
            }
            measurements.add(new Measurement(code, value.doubleValue(), unit));
        }
        return measurements;
    }
}
