package org.atalaya.routes.citysensors.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.atalaya.api.event.Measurement;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.api.event.SensorKind;
import org.atalaya.api.event.SensorReading;
import org.atalaya.runtime.EdgeValidation;

/**
 * Turns what a sensor published into a {@link SensorReading}, or rejects it with a reason a
 * device integrator can act on. Everything is checked: size, JSON shape, the sensor's identity
 * against the topic it published on, clock skew, quantities, units and physical ranges.
 */
final class SensorReadingParser {

    static final int MAX_MEASUREMENTS = 32;

    private static final Pattern SENSOR_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern READING_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

    private final EdgeValidation edge;

    SensorReadingParser(int maxBytes, Duration maxClockSkew, Duration maxAge, Clock clock) {
        this.edge = new EdgeValidation(maxBytes, maxClockSkew, maxAge, clock);
    }

    /**
     * @param payload     the bytes as published
     * @param topicSensor the sensor id in the topic the payload was published on
     */
    SensorReading parse(byte[] payload, String topicSensor) {
        edge.checkSize(payload);
        JsonNode root = edge.readJson(payload, "JSON");
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
        Instant observedAt = edge.instant(text(root, "observedAt"), "observedAt");
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

    private static String text(JsonNode node, String field) {
        return EdgeValidation.text(node, field, "");
    }

    private static SensorKind kind(String text) {
        try {
            return SensorKind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RejectedEvent("kind '" + text + "' is not one of traffic, energy, environment, weather");
        }
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
