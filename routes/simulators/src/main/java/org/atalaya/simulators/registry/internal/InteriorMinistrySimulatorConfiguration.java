package org.atalaya.simulators.registry.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Atalaya demo Interior Ministry",
        description = "A simulated Interior Ministry vehicle registry service (SOAP, on its own port) for the hub to "
                + "keep its hotlist in sync with and to notify hits to.")
public @interface InteriorMinistrySimulatorConfiguration {

    @AttributeDefinition(description = "The address the service listens on.")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "The port the service listens on; 0 for any free one.")
    int port() default 8190;

    @AttributeDefinition(description = "How many entries the generated hotlist has (at most 10000000).")
    int entries() default 100_000;

    @AttributeDefinition(description = "The generated hotlist's seed: the same seed, the same plates.")
    long seed() default 1;

    @AttributeDefinition(description = "Changes the ministry makes to its hotlist per minute (adds, updates, "
            + "removes); 0 for none.")
    double changesPerMinute() default 0;

    @AttributeDefinition(description = "How many changes are kept: asked for changes from an older version, the "
            + "service answers VersionGone.")
    int retainedChanges() default 10_000;

    @AttributeDefinition(description = "The user the hub must send in its WS-Security UsernameToken.")
    String user();

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "The password it must send (PasswordText).")
    String password();

    @AttributeDefinition(description = "Every answer is delayed this long, in milliseconds.")
    long latencyMillis() default 0;

    @AttributeDefinition(description = "The share of operations that fail with ServiceUnavailable, 0 to 1; "
            + "which ones follows from the seed.")
    double faultRate() default 0;

    @AttributeDefinition(description = "Whether the service is down: its port refuses connections.")
    boolean down() default false;
}
