package org.atalaya.routes.citysensors.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Atalaya city sensors connector",
        description = "Traffic, energy, environment and weather sensors publishing over MQTT.")
public @interface CitySensorsConfiguration {

    @AttributeDefinition(description = "MQTT topic filter the sensors publish on; its one '+' is the sensor id.")
    String topic() default "atalaya/sensors/+/readings";

    @AttributeDefinition(description = "Name of the broker's durable subscription that holds the readings.")
    String subscription() default "atalaya-city-sensors";

    @AttributeDefinition(description = "Readings processed in parallel.")
    int consumers() default 2;

    @AttributeDefinition(description = "Largest accepted payload, in bytes.")
    int maxPayloadBytes() default 16_384;

    @AttributeDefinition(description = "How far ahead of the hub's clock a reading may be, in seconds.")
    long maxClockSkewSeconds() default 300;

    @AttributeDefinition(description = "How old a reading may be (sensors buffer while offline), in hours.")
    long maxAgeHours() default 168;
}
