package org.atalaya.correlation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Atalaya ANPR correlation",
        description = "Hotlist matching of every plate read, repeat-read suppression, cloned-plate detection,"
                + " past hits, and the archive of reads.")
public @interface AnprCorrelationConfiguration {

    @AttributeDefinition(description = "Characters optical recognition confuses, one class per comma-separated group.")
    String equivalenceClasses() default OcrEquivalence.DEFAULT_CLASSES;

    @AttributeDefinition(description = "How many OCR-equivalent characters a hit may differ by (0 to 2);"
            + " plates shorter than 5 characters always match exactly.")
    int maxEquivalentCharacters() default 1;

    @AttributeDefinition(description = "One alert for the same plate at the same camera within this many seconds.")
    long suppressionWindowSeconds() default 300;

    @AttributeDefinition(description = "The fastest a vehicle may plausibly drive between two cameras, km/h;"
            + " a plate seen faster than this at two places raises a clone alert.")
    double cloneMaxSpeedKmh() default 150;

    @AttributeDefinition(description = "Cameras closer than this many metres never raise a clone alert.")
    double cloneMinDistanceMeters() default 500;

    @AttributeDefinition(description = "How long a sighting is remembered for clone detection, in minutes.")
    long cloneMemoryMinutes() default 60;

    @AttributeDefinition(description = "Priority of a clone alert, 0 to 100.")
    int clonePriority() default 70;

    @AttributeDefinition(description = "Priority of a live hit on a camera that watches a border approach, 0 to 100:"
            + " a listed vehicle there may be about to leave the country. A higher entry priority is kept.")
    int borderApproachPriority() default 100;

    @AttributeDefinition(description = "Threads that wait for vehicle lookups, when a registry connector is installed:"
            + " a live hit goes out at once and its vehicle's details follow as a HIT_DETAILS alert.")
    int lookupConsumers() default 4;

    @AttributeDefinition(description = "Vehicle lookups each of the lookupConsumers asks at once, in one transaction;"
            + " keep lookupConsumers times this within the registry connector's lookupThreads.")
    int lookupBatch() default 4;

    @AttributeDefinition(description = "How long one vehicle lookup may take, in milliseconds, retries included;"
            + " the registry connector retries on its own; a lookup that fails or times out is dead-lettered with its"
            + " reason.")
    long lookupTimeoutMillis() default 10_000;

    @AttributeDefinition(description = "How far back a newly listed plate is looked for among stored reads, in days"
            + " (at most the store's retention).")
    int pastReadDays() default 30;

    @AttributeDefinition(description = "Agencies every ANPR alert goes to, comma-separated.")
    String agencies() default "local-police,national-police";

    @AttributeDefinition(description = "Reads matched in parallel.")
    int consumers() default 2;

    @AttributeDefinition(description = "Reads stored per database transaction.")
    int archiveBatchSize() default 500;

    @AttributeDefinition(description = "Hotlist entries the index is sized for at start (it grows as needed).")
    int expectedEntries() default 1_000_000;
}
