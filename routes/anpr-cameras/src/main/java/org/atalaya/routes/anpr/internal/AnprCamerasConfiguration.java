package org.atalaya.routes.anpr.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Atalaya ANPR cameras connector",
        description = "Licence-plate reads from the city's ANPR cameras over MQTT and REST.")
public @interface AnprCamerasConfiguration {

    @AttributeDefinition(description = "MQTT topic filters cameras publish on, each with one '+' for the camera id;"
            + " the first is Atalaya's own, further ones map vendor topics (their payloads may be Atalaya JSON or"
            + " ONVIF Profile M events).")
    String[] topics() default {"atalaya/anpr/+/reads"};

    @AttributeDefinition(description = "Name of the broker's durable subscription that holds the reads of the first"
            + " topic; further topics get this name with -2, -3 ...")
    String subscription() default "atalaya-anpr-cameras";

    @AttributeDefinition(description = "Batches of reads processed in parallel per topic (the subscription's route).")
    int consumers() default 2;

    @AttributeDefinition(description = "Make each MQTT read canonical as the broker routes it, with a divert from the"
            + " topic to atalaya.in.anpr, instead of in the connector's route: one journal write and one broker"
            + " transaction fewer on a read's way to the match, but the correlation then takes one message a read and"
            + " fell behind at 5,000 reads/s (BENCHMARKS.md, twenty-seventh); and a subscriber on the topic gets no"
            + " read.")
    boolean divert() default false;

    @AttributeDefinition(description = "Largest accepted payload, in bytes (a batch of reads over REST included).")
    int maxPayloadBytes() default 262_144;

    @AttributeDefinition(description = "How far ahead of the hub's clock a read may be, in seconds.")
    long maxClockSkewSeconds() default 300;

    @AttributeDefinition(description = "How old a read may be (cameras buffer while offline), in hours.")
    long maxAgeHours() default 72;

    @AttributeDefinition(description = "Where the REST endpoint is served, under the hub's /api.")
    String restAddress() default "/v1/anpr";
}
