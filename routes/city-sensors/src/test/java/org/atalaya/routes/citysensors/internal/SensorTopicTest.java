package org.atalaya.routes.citysensors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SensorTopicTest {

    private final SensorTopic topic = new SensorTopic("atalaya/sensors/+/readings");

    @Test
    void isConsumedAsTheMatchingWildcardAddress() {
        assertThat(topic.address()).isEqualTo("atalaya.sensors.*.readings");
    }

    @Test
    void readsTheSensorIdFromTheAddressAMessageWasPublishedTo() {
        assertThat(topic.sensorOf("atalaya.sensors.wx-hacho.readings")).isEqualTo("wx-hacho");
    }

    @Test
    void findsNoSensorInAnAddressTheFilterDoesNotMatch() {
        assertThat(topic.sensorOf("atalaya.sensors.wx-hacho.status")).isNull();
        assertThat(topic.sensorOf("atalaya.sensors.a.b.readings")).isNull();
        assertThat(topic.sensorOf(null)).isNull();
    }

    @Test
    void refusesFiltersWithoutExactlyOneSensorLevel() {
        assertThatThrownBy(() -> new SensorTopic("atalaya/sensors/readings")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SensorTopic("atalaya/+/+/readings")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SensorTopic("atalaya/sensors/#")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SensorTopic("atalaya/sen.sors/+/readings")).isInstanceOf(IllegalArgumentException.class);
    }
}
