package org.atalaya.runtime.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a batch of events in one local JMS transaction: the exchange's body is the list of the
 * events as Camel messages, each with its body and headers, mapped as the {@code jms:} endpoint
 * of the same destination maps a message. The batch is on the broker after one commit, one
 * journal sync, where a send per event would wait for a sync each. A batch that fails before its
 * commit (a send the broker refuses, a lost connection) is rolled back whole.
 *
 * <p>The broker refuses the commit of a transaction that sends a duplicate id it has already
 * stored: an agency or a device sent the batch again because it did not hear that the first
 * went through. The batch is then sent again one event at a time, each durable on its own, and
 * the broker drops the events it already has, silently. Two events of one batch with the same
 * duplicate id are sent once ({@link BatchTransaction}).
 */
final class BatchJmsProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(BatchJmsProducer.class);

    private final BatchJmsEndpoint endpoint;
    /** The {@code jms:} endpoint's producer: within the bound transaction, its sends join it. */
    private Producer sender;

    BatchJmsProducer(BatchJmsEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        sender = endpoint.jmsEndpoint().createProducer();
        ServiceHelper.startService(sender);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(sender);
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        List<Message> events = events(exchange);
        if (events.isEmpty()) {
            return;
        }
        ConnectionFactory senders = endpoint.getComponent().sendersFactory();
        try (Connection connection = senders.createConnection();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            BatchTransaction transaction = new BatchTransaction(senders, connection, session);
            TransactionSynchronizationManager.bindResource(senders, transaction.holder());
            try {
                for (Message event : events) {
                    send(event);
                }
            } catch (Exception failure) {
                transaction.rollbackQuietly();
                throw failure;
            } finally {
                TransactionSynchronizationManager.unbindResource(senders);
            }
            try {
                transaction.commit();
                return;
            } catch (JMSException refused) {
                // Artemis reports the refusal as TransactionRolledBackException, or, for a duplicate
                // id, as a plain JMSException; if the connection is gone, the sends below fail too
                transaction.rollbackQuietly();
                LOG.info("{}: the broker refused a batch of {} events ({}); they are sent one by one",
                        endpoint.getEndpointUri(), events.size(), refused.getMessage());
            }
        }
        for (Message event : events) {
            send(event);
        }
    }

    private static List<Message> events(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (!(body instanceof List<?> list)) {
            throw new IllegalArgumentException("a jms-batch: send takes a list of Camel messages, not "
                    + (body == null ? "nothing" : body.getClass().getName()));
        }
        List<Message> events = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof Message event)) {
                throw new IllegalArgumentException("a jms-batch: send takes a list of Camel messages; it holds a "
                        + (item == null ? "null" : item.getClass().getName()));
            }
            events.add(event);
        }
        return events;
    }

    private void send(Message event) throws Exception {
        Exchange one = endpoint.createExchange();
        // the event itself, not a copy of its body and headers: the map was built once already
        one.setIn(event);
        sender.process(one);
        if (one.getException() != null) {
            throw one.getException();
        }
    }
}
