package org.atalaya.routes.vehicleregistry.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Atalaya Interior Ministry vehicle registry",
        description = "Keeps the hotlist in step with the ministry's stolen and wanted vehicle databases, looks up the"
                + " vehicles of hits, and reports every hit on the ministry's entries back to it.")
public @interface VehicleRegistryConfiguration {

    @AttributeDefinition(description = "The ministry's vehicle registry service (contract"
            + " urn:es:interior:vehicle-registry:v1); https:// in production.")
    String address();

    @AttributeDefinition(description = "The hub's account at the ministry, sent as a WS-Security UsernameToken;"
            + " empty to rely on the client certificate alone.")
    String user() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "The account's password.")
    String password() default "";

    @AttributeDefinition(description = "A PKCS12 keystore with the hub's client certificate for mutual TLS;"
            + " empty for none.")
    String tls_keyStore() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "The client keystore's password.")
    String tls_keyStorePassword() default "";

    @AttributeDefinition(description = "A PKCS12 truststore with the certificates the ministry's server may"
            + " present; empty for the JVM's default trust.")
    String tls_trustStore() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "The truststore's password.")
    String tls_trustStorePassword() default "";

    @AttributeDefinition(description = "The hotlist source the ministry's entries are listed under; the broker's"
            + " interior-ministry queue filters hits on it.")
    String source() default "interior-ministry";

    @AttributeDefinition(description = "Seconds between two change polls.")
    long syncIntervalSeconds() default 60;

    @AttributeDefinition(description = "Entries asked per snapshot page (at most 10000).")
    int pageSize() default 5_000;

    @AttributeDefinition(description = "Changes asked per change poll.")
    int maxChanges() default 10_000;

    @AttributeDefinition(description = "Seconds without a successful sync after which the hotlist is stale:"
            + " a system alert goes to the control centres and the health check reports it.")
    long staleAfterSeconds() default 900;

    @AttributeDefinition(description = "Agencies the stale-hotlist alert goes to, comma-separated.")
    String agencies() default "local-police,national-police";

    @AttributeDefinition(description = "Milliseconds to wait for a connection to the ministry.")
    long connectTimeoutMillis() default 5_000;

    @AttributeDefinition(description = "Milliseconds to wait for the ministry's answer to one call.")
    long receiveTimeoutMillis() default 30_000;

    @AttributeDefinition(description = "Attempts of one call before it fails (1 for no retry); only transient"
            + " failures are retried.")
    int retryAttempts() default 3;

    @AttributeDefinition(description = "Milliseconds before the first retry; each next waits twice as long.")
    long retryBackoffMillis() default 500;

    @AttributeDefinition(description = "Percentage of failed calls, over the last calls counted, that opens the"
            + " circuit breaker.")
    float breakerFailureRate() default 50;

    @AttributeDefinition(description = "Calls the breaker's failure rate is counted over.")
    int breakerWindow() default 10;

    @AttributeDefinition(description = "Seconds the breaker stays open before it lets a trial call through.")
    long breakerOpenSeconds() default 30;

    @AttributeDefinition(description = "Longest wait, in seconds, between two attempts to deliver a hit notice while"
            + " the ministry is away; notices wait on the broker, in order, meanwhile.")
    long noticeMaxBackoffSeconds() default 60;

    @AttributeDefinition(description = "Vehicle lookups running at once; more wait their turn, and their wait counts"
            + " in the correlation's lookupTimeoutMillis. The correlation asks up to lookupConsumers times lookupBatch"
            + " (4 x 4) at once.")
    int lookupThreads() default 16;
}
