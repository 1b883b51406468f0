package org.atalaya.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The store's settings, PID {@code org.atalaya.store}. */
@ObjectClassDefinition(
        name = "Atalaya store",
        description = "The hub's database: plate read retention and the camera sites it starts with.")
public @interface StoreConfiguration {

    @AttributeDefinition(description = "How long plate reads are kept, in days; older ones are deleted.", min = "1")
    int retentionDays() default 30;

    @AttributeDefinition(description = "How often the retention purge runs, in minutes.", min = "1")
    int purgeIntervalMinutes() default 60;

    @AttributeDefinition(description = "CSV file the camera table is filled from while it is empty;"
            + " empty for etc/atalaya-cameras.csv.")
    String camerasFile() default "";
}
