package org.atalaya.runtime.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.service.ServiceHelper;
import org.atalaya.runtime.BrokerFull;
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
 *
 * <p>The transacted sessions are kept between batches, committed and ready for the next. A
 * session handed back to the pool after every batch cost more than the batch's own commit: the
 * pool rolls it back, which stops and starts it again, each a round trip to the broker, and the
 * next batch opened its producer again (BENCHMARKS.md). A kept session that fails, its
 * connection gone, is closed and its batch tried once more on a new one (which fails too while
 * the pool still hands out the lost connection: the sender then sends the batch again).
 *
 * <p>While the broker holds senders back because its disk is full ({@code min-disk-free}), a
 * send would wait for the broker's credits until space is freed, and the device or agency that
 * posted the batch for its answer, holding one of the web server's threads all that time. The
 * batch is refused at once instead ({@link BrokerFull}), before anything of it is sent. A batch
 * already waiting when the disk fills still waits.
 */
final class BatchJmsProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(BatchJmsProducer.class);

    /** Sessions kept for the next batches: as many as post at once, in the common case. */
    private static final int MAX_KEPT = 32;

    private final BatchJmsEndpoint endpoint;
    /** The {@code jms:} endpoint's producer: within the bound transaction, its sends join it. */
    private Producer sender;
    /** Sessions between batches, the one used last first; guarded by itself, as is stopped. */
    private final Deque<Sender> kept = new ArrayDeque<>();
    private boolean stopped;
    /** Whether the last batch was refused for the broker's full disk: logged when that starts and ends. */
    private final AtomicBoolean refusing = new AtomicBoolean();

    BatchJmsProducer(BatchJmsEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        synchronized (kept) {
            stopped = false;
        }
        sender = endpoint.jmsEndpoint().createProducer();
        ServiceHelper.startService(sender);
    }

    @Override
    protected void doStop() throws Exception {
        List<Sender> closing;
        synchronized (kept) {
            stopped = true;
            closing = new ArrayList<>(kept);
            kept.clear();
        }
        closing.forEach(Sender::close);
        ServiceHelper.stopService(sender);
        super.doStop();
    }

    /** A transacted session on a connection of the senders' pool, kept between batches. */
    private record Sender(Connection connection, BatchTransaction transaction) {

        /** Closing the pooled connection hands its session back to the pool, rolled back. */
        void close() {
            closeQuietly(connection);
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        List<Message> events = events(exchange);
        if (events.isEmpty()) {
            return;
        }
        refuseWhileTheDiskIsFull();
        Sender sender = kept();
        Boolean committed = null;
        if (sender != null) {
            try {
                committed = sendInOneOrClose(sender, events);
            } catch (Exception lost) {
                // a kept session may have gone with its connection (the broker restarted, say):
                // the batch, rolled back whole, goes once more on a new one
                LOG.debug("{}: a kept session failed; the batch goes again on a new one", endpoint.getEndpointUri(),
                        lost);
            }
        }
        if (committed == null) {
            sender = open();
            committed = sendInOneOrClose(sender, events);
        }
        if (committed) {
            keep(sender);
            return;
        }
        sender.close();
        for (Message event : events) {
            send(event);
        }
    }

    private void refuseWhileTheDiskIsFull() {
        if (!endpoint.getComponent().brokerDiskFull()) {
            if (refusing.compareAndSet(true, false)) {
                LOG.info("{}: the broker has disk space again; batches are taken", endpoint.getEndpointUri());
            }
            return;
        }
        if (refusing.compareAndSet(false, true)) {
            LOG.warn("{}: the broker's disk is full (min-disk-free); batches are refused until space is freed",
                    endpoint.getEndpointUri());
        }
        throw new BrokerFull("The broker's disk is full: it takes no event until space is freed");
    }

    /** {@link #sendInOne}, the sender closed if it fails. */
    private boolean sendInOneOrClose(Sender sender, List<Message> events) throws Exception {
        try {
            return sendInOne(sender, events);
        } catch (Exception failure) {
            sender.close();
            throw failure;
        }
    }

    /**
     * Sends the events in one transaction on the sender's session: true once committed, false if
     * the broker refused the commit (a duplicate id), the transaction then rolled back.
     */
    private boolean sendInOne(Sender sender, List<Message> events) throws Exception {
        ConnectionFactory senders = endpoint.getComponent().sendersFactory();
        BatchTransaction transaction = sender.transaction();
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
            return true;
        } catch (JMSException refused) {
            // Artemis reports the refusal as TransactionRolledBackException, or, for a duplicate
            // id, as a plain JMSException; if the connection is gone, the sends after fail too
            transaction.rollbackQuietly();
            LOG.info("{}: the broker refused a batch of {} events ({}); they are sent one by one",
                    endpoint.getEndpointUri(), events.size(), refused.getMessage());
            return false;
        }
    }

    private Sender open() throws JMSException {
        ConnectionFactory senders = endpoint.getComponent().sendersFactory();
        Connection connection = senders.createConnection();
        try {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            return new Sender(connection, new BatchTransaction(senders, connection, session));
        } catch (JMSException | RuntimeException failed) {
            closeQuietly(connection);
            throw failed;
        }
    }

    private Sender kept() {
        synchronized (kept) {
            return kept.pollFirst();
        }
    }

    private void keep(Sender sender) {
        synchronized (kept) {
            if (!stopped && kept.size() < MAX_KEPT) {
                kept.addFirst(sender);
                return;
            }
        }
        sender.close();
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (JMSException | RuntimeException gone) {
            LOG.debug("Closing a sender's connection", gone);
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
