package org.atalaya.runtime.internal;

import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A connector host started for each test, on one real broker for the test class. */
abstract class HostOnBroker {

    protected static EmbeddedBroker broker;

    protected final ConnectorHost host = new ConnectorHost();
    protected ProducerTemplate producer;
    protected ConsumerTemplate consumer;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new EmbeddedBroker();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @BeforeEach
    void startHost() throws Exception {
        host.start(ConnectorHostTest.configuration(broker.url()));
        producer = host.camelContext().createProducerTemplate();
        consumer = host.camelContext().createConsumerTemplate();
    }

    @AfterEach
    void stopHost() {
        host.stop();
    }
}
