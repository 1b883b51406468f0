package org.atalaya.routes.citysensors.internal;

import java.util.Arrays;
import java.util.List;

/**
 * The MQTT topic filter sensors publish on, with exactly one single-level wildcard {@code +}
 * standing for the sensor's id ({@code atalaya/sensors/+/readings}). On the broker an MQTT topic
 * {@code a/b/c} is the multicast address {@code a.b.c}, so the filter is consumed as the wildcard
 * address {@code atalaya.sensors.*.readings}, and the sensor id is read back from the address
 * each message was published to.
 */
final class SensorTopic {

    private final String filter;
    private final List<String> levels;
    private final int sensorLevel;

    SensorTopic(String filter) {
        this.filter = filter;
        this.levels = Arrays.asList(filter.split("/", -1));
        int plus = levels.indexOf("+");
        if (plus < 0 || levels.lastIndexOf("+") != plus || filter.contains("#") || filter.contains(".")
                || levels.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("topic filter '" + filter
                    + "' must have exactly one '+' for the sensor id, no '#', no '.' and no empty level");
        }
        this.sensorLevel = plus;
    }

    /** The broker address that matches every sensor's topic. */
    String address() {
        return String.join(".", levels).replace("+", "*");
    }

    /**
     * The sensor id in an address this filter matched, or {@code null} when the address does
     * not match (it cannot come from a sensor publishing as the filter says).
     */
    String sensorOf(String address) {
        if (address == null) {
            return null;
        }
        String[] parts = address.split("\\.", -1);
        if (parts.length != levels.size()) {
            return null;
        }
        for (int i = 0; i < parts.length; i++) {
            if (i != sensorLevel && !parts[i].equals(levels.get(i))) {
                return null;
            }
        }
        return parts[sensorLevel];
    }

    @Override
    public String toString() {
        return filter;
    }
}
