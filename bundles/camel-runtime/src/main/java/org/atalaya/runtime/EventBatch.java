package org.atalaya.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultMessage;

/**
 * Events an agency or a device posted together, put on a queue in one broker transaction
 * ({@code jms-batch:queue:<name>}): one journal sync for the whole post instead of one per
 * event. Answer "accepted" once {@link #sendTo} returns. A post sent again, because its answer
 * was lost, is kept once: the broker drops the events whose duplicate id ({@code _AMQ_DUPL_ID})
 * it already has.
 */
public final class EventBatch {

    private final CamelContext camel;
    private final List<Message> events = new ArrayList<>();

    public EventBatch(CamelContext camel) {
        this.camel = camel;
    }

    /** Adds an event: its body and its headers, as a {@code jms:} send would carry them. */
    public EventBatch add(Object body, Map<String, Object> headers) {
        Message event = new DefaultMessage(camel);
        event.setBody(body);
        event.setHeaders(headers); // copied into Camel's own headers map
        events.add(event);
        return this;
    }

    /**
     * Puts every event on {@code queue}, durably, in one transaction.
     *
     * @throws org.apache.camel.CamelExecutionException when the broker did not take them all:
     *         send the batch again, the events the broker has are kept once
     * @throws BrokerFull when the broker's disk is full: none was sent (the gate answers it 503)
     */
    public void sendTo(ProducerTemplate producer, String queue) {
        try {
            producer.sendBody("jms-batch:queue:" + queue, List.copyOf(events));
        } catch (CamelExecutionException notTaken) {
            if (notTaken.getCause() instanceof BrokerFull full) {
                throw full;
            }
            throw notTaken;
        }
    }
}
