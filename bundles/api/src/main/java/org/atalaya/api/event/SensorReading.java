package org.atalaya.api.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one city sensor (traffic, energy, environment, weather) observed at one time.
 *
 * @param id           the reading's own id; the broker accepts a reading once per id
 * @param sensorId     the sensor that observed it
 * @param kind         the sensor's family
 * @param observedAt   when it was observed, by the sensor's clock
 * @param measurements one or more measured quantities
 */
public record SensorReading(String id, String sensorId, SensorKind kind, Instant observedAt,
        List<Measurement> measurements) {

    public SensorReading {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(observedAt, "observedAt");
        measurements = List.copyOf(measurements);
    }
}
