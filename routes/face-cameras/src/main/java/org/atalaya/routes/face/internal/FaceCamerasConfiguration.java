package org.atalaya.routes.face.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Atalaya face cameras connector",
        description = "Face-recognition matches from camera analytics over MQTT and REST, for the biometric guard;"
                + " the agencies' endpoints for face matches and their authorisations.")
public @interface FaceCamerasConfiguration {

    @AttributeDefinition(description = "MQTT topic filter cameras publish matches on, with one '+' for the camera id.")
    String topic() default "atalaya/face/+/matches";

    @AttributeDefinition(description = "Name of the broker's durable subscription that holds the matches published"
            + " on the topic.")
    String subscription() default "atalaya-face-cameras";

    @AttributeDefinition(description = "Matches processed in parallel.")
    int consumers() default 1;

    @AttributeDefinition(description = "Largest accepted payload, in bytes (a batch of matches over REST included).")
    int maxPayloadBytes() default 262_144;

    @AttributeDefinition(description = "How far ahead of the hub's clock a match may be, in seconds.")
    long maxClockSkewSeconds() default 300;

    @AttributeDefinition(description = "How old a match may be, in minutes: identification is real-time only;"
            + " an older match is refused.")
    long maxAgeMinutes() default 10;

    @AttributeDefinition(description = "The agencies (device families) whose accounts may post matches; the agencies"
            + " that write face-matches to confirm matches or decide authorisations may not.")
    String[] cameraAgencies() default {"face-cameras"};

    @AttributeDefinition(description = "Where the REST endpoints are served, under the hub's /api.")
    String restAddress() default "/v1/face";
}
