package org.atalaya.runtime.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Atalaya Camel runtime",
        description = "The hub's CamelContext: its connection to the broker and its error handling.")
public @interface RuntimeConfiguration {

    @AttributeDefinition(description = "Broker URL of the hub's JMS connections: the embedded"
            + " broker's in-VM acceptor, or a broker's CORE acceptor (tcp://host:port).")
    String broker_url() default "vm://0";

    @AttributeDefinition(description = "Broker user of the hub itself (role 'hub').")
    String broker_user() default "atalaya-hub";

    @AttributeDefinition(type = AttributeType.PASSWORD,
            description = "Password of the hub's broker user. No default: set at first start.")
    String broker_password();

    @AttributeDefinition(description = "Largest number of pooled broker connections.")
    int broker_maxConnections() default 4;

    @AttributeDefinition(description = "Where events that cannot be processed are sent.")
    String deadLetterAddress() default "atalaya.dlq";

    @AttributeDefinition(description = "Redeliveries of a failed event before it is dead-lettered"
            + " (events rejected as invalid are never redelivered).")
    int redelivery_maximum() default 3;

    @AttributeDefinition(description = "Delay before the first redelivery, in milliseconds;"
            + " doubled at each further attempt.")
    long redelivery_delayMillis() default 250;

    @AttributeDefinition(description = "How long a stopping route may take to finish the events"
            + " it holds, in seconds.")
    int shutdownTimeoutSeconds() default 15;
}
