package org.atalaya.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeviceTopicTest {

    private final DeviceTopic topic = new DeviceTopic("atalaya/sensors/+/readings");

    @Test
    void isConsumedAsTheMatchingWildcardAddress() {
        assertThat(topic.address()).isEqualTo("atalaya.sensors.*.readings");
    }

    @Test
    void isConsumedThroughADurableSharedTransactedSubscription() {
        assertThat(topic.subscriptionEndpoint("atalaya-city-sensors", 3))
                .isEqualTo("jms-batch:topic:atalaya.sensors.*.readings?subscription=atalaya-city-sensors&consumers=3");
    }

    @Test
    void readsTheSensorIdFromTheAddressAMessageWasPublishedTo() {
        assertThat(topic.deviceOf("atalaya.sensors.wx-hacho.readings")).isEqualTo("wx-hacho");
    }

    @Test
    void findsNoSensorInAnAddressTheFilterDoesNotMatch() {
        assertThat(topic.deviceOf("atalaya.sensors.wx-hacho.status")).isNull();
        assertThat(topic.deviceOf("atalaya.sensors.a.b.readings")).isNull();
        assertThat(topic.deviceOf(null)).isNull();
    }

    @Test
    void refusesFiltersWithoutExactlyOneSensorLevel() {
        assertThatThrownBy(() -> new DeviceTopic("atalaya/sensors/readings")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceTopic("atalaya/+/+/readings")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceTopic("atalaya/sensors/#")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceTopic("atalaya/sen.sors/+/readings")).isInstanceOf(IllegalArgumentException.class);
    }
}
