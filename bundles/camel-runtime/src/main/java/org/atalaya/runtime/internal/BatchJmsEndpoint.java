package org.atalaya.runtime.internal;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.support.DefaultEndpoint;

/**
 * A {@code jms-batch:} queue or subscription: consumed in batches ({@link BatchJmsConsumer}), or
 * sent a batch in one transaction ({@link BatchJmsProducer}).
 */
final class BatchJmsEndpoint extends DefaultEndpoint {

    private final boolean topic;
    private final String name;
    private final String subscription;
    private final int consumers;
    private final int batchSize;
    private final boolean grouped;

    BatchJmsEndpoint(String uri, BatchJmsComponent component, boolean topic, String name, String subscription,
            int consumers, int batchSize, boolean grouped) {
        super(uri, component);
        this.topic = topic;
        this.name = name;
        this.subscription = subscription;
        this.consumers = consumers;
        this.batchSize = batchSize;
        this.grouped = grouped;
    }

    @Override
    public Producer createProducer() {
        return new BatchJmsProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = new BatchJmsConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public BatchJmsComponent getComponent() {
        return (BatchJmsComponent) super.getComponent();
    }

    /** The {@code jms:} endpoint of the same destination, whose binding turns a JMS message into Camel's. */
    JmsEndpoint jmsEndpoint() {
        return getCamelContext().getEndpoint("jms:" + (topic ? "topic:" : "queue:") + name, JmsEndpoint.class);
    }

    boolean topic() {
        return topic;
    }

    String name() {
        return name;
    }

    String subscription() {
        return subscription;
    }

    int consumers() {
        return consumers;
    }

    int batchSize() {
        return batchSize;
    }

    boolean grouped() {
        return grouped;
    }
}
