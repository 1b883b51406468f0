package org.atalaya.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TransactionRolledBackException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsBinding;
import org.apache.camel.component.jms.JmsMessageHelper;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.trait.message.MessageTrait;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.JmsResourceHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each of {@code consumers} threads holds a connection and a transacted session, and repeats:
 * wait for an event, take every further event already delivered to it (up to {@code batchSize}),
 * run each through the route on this thread, then commit once. Under load the batches fill up;
 * with a trickle each event is its own batch and waits for nobody.
 *
 * <p>While an event goes through the route, the session is bound as the transaction of the
 * {@code jms} component's connection factory, so the route's {@code jms:} sends (its output, a
 * dead letter) go into the batch's transaction: they reach their queues exactly when the batch's
 * events leave theirs, or not at all.
 *
 * <p>What fails:
 * <ul>
 * <li>The route cannot handle an event (its error handler gave up): the batch is rolled back and
 * its events come back, redelivered.</li>
 * <li>The broker refuses the commit because a send in it carried a duplicate id it has already
 * seen (a camera or agency sent the same event twice): the broker would refuse it on every
 * retry, so a redelivered event is not sent within the transaction. Its sends go on their own
 * sessions, each durable on its own, where the broker drops a duplicate silently; only its
 * consumption is in the transaction. A batch ends at its first redelivered event, so one that
 * fails again takes few others back with it. Two events of one batch with the same duplicate id
 * are sent once ({@link BatchTransaction}).</li>
 * <li>The connection fails: the broker rolls back the open batch, and the thread connects
 * again every second until it can.</li>
 * </ul>
 * With {@code grouped=true} the route gets one exchange per batch instead, its body the list of
 * the batch's messages (Camel messages with their JMS headers), for a route that stores a batch
 * in one database transaction. A redelivered event is a group of its own, outside the
 * transaction as above. A redelivered event's message carries {@code JMSXDeliveryCount}, the
 * broker's count of its deliveries, for a route that dead-letters an event itself before the
 * broker's {@code max-delivery-attempts} moves it without a reason.
 *
 * <p>The broker's own limit on redeliveries ({@code max-delivery-attempts}) moves an event that
 * keeps failing to the dead-letter address.
 */
final class BatchJmsConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(BatchJmsConsumer.class);
    private static final long FIRST_WAIT_MILLIS = 1000;
    private static final long RECOVERY_MILLIS = 1000;
    private static final long STOP_WAIT_SECONDS = 10;
    /** The JMS property a redelivered event's Camel message carries as a header. */
    static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private final BatchJmsEndpoint endpoint;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch stopped = new CountDownLatch(0);
    private JmsBinding binding;
    private ExecutorService threads;

    BatchJmsConsumer(BatchJmsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        binding = endpoint.jmsEndpoint().getBinding();
        stopped = new CountDownLatch(1);
        threads = getEndpoint().getCamelContext().getExecutorServiceManager().newFixedThreadPool(this,
                "jms-batch " + endpoint.name(), endpoint.consumers());
        for (int i = 0; i < endpoint.consumers(); i++) {
            threads.execute(this::consume);
        }
    }

    @Override
    protected void doStop() throws Exception {
        stopped.countDown();
        if (threads != null) {
            threads.shutdown();
            // an idle thread notices within its receive's wait, a busy one after its batch
            if (!threads.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("{}: a batch did not finish in {} s; its connection is closed and the broker takes its "
                        + "events back", endpoint.getEndpointUri(), STOP_WAIT_SECONDS);
                connections.forEach(BatchJmsConsumer::closeQuietly);
            }
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(threads);
            threads = null;
        }
        super.doStop();
    }

    private boolean running() {
        return stopped.getCount() > 0;
    }

    private void consume() {
        while (running()) {
            Connection connection = null;
            try {
                connection = endpoint.getComponent().connections().createConnection();
                connections.add(connection);
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = endpoint.topic()
                        ? session.createSharedDurableConsumer(session.createTopic(endpoint.name()),
                                endpoint.subscription())
                        : session.createConsumer(session.createQueue(endpoint.name()));
                connection.start();
                BatchTransaction transaction = new BatchTransaction(endpoint.getComponent().sendersFactory(),
                        connection, session);
                while (running()) {
                    batch(consumer, transaction);
                }
            } catch (JMSException | RuntimeException failure) {
                if (running()) {
                    LOG.warn("{}: consumer failed, connecting again in {} ms: {}", endpoint.getEndpointUri(),
                            RECOVERY_MILLIS, failure.toString());
                    pause();
                }
            } finally {
                if (connection != null) {
                    connections.remove(connection);
                    closeQuietly(connection);
                }
            }
        }
    }

    private void batch(MessageConsumer consumer, BatchTransaction transaction)
            throws JMSException {
        Message message = consumer.receive(FIRST_WAIT_MILLIS);
        int size = 0;
        List<Message> group = new ArrayList<>();
        try {
            while (message != null) {
                size++;
                boolean redelivered = message.getJMSRedelivered();
                if (!endpoint.grouped()) {
                    process(List.of(message), redelivered ? null : transaction.holder());
                } else if (redelivered) {
                    processGroup(group, transaction.holder());
                    process(List.of(message), null);
                } else {
                    group.add(message);
                }
                message = redelivered || size >= endpoint.batchSize() ? null : consumer.receiveNoWait();
            }
            processGroup(group, transaction.holder());
        } catch (RouteFailure failure) {
            transaction.rollback();
            LOG.warn("{}: a batch of {} events was rolled back, they are redelivered: {}", endpoint.getEndpointUri(),
                    size, failure.getCause().toString());
            return;
        }
        if (size == 0) {
            return;
        }
        try {
            transaction.commit();
            LOG.debug("{}: committed a batch of {} events", endpoint.getEndpointUri(), size);
        } catch (TransactionRolledBackException refused) {
            transaction.rollbackQuietly();
            refused(size, refused);
        } catch (JMSException refused) {
            // the client reports a duplicate id refused at commit as a plain JMSException; a rollback
            // that fails too means the connection is gone, and the thread connects again
            transaction.rollback();
            refused(size, refused);
        }
    }

    private void refused(int size, JMSException refusal) {
        LOG.info("{}: the broker refused a batch of {} events ({}); they are redelivered and their sends made "
                + "one by one", endpoint.getEndpointUri(), size, refusal.getMessage());
    }

    /**
     * The event as a plain Camel message: its body and every JMS header and property, read at
     * once. Not a {@code JmsMessage}: Camel 4.22 copies one (for the dead-letter channel's
     * original message, for redelivery, for every split part) by way of an empty one, whose
     * redelivery flag it reads from a missing JMS message, throwing and catching a
     * {@code NullPointerException} each time; that was a fifth of a camera batch's CPU.
     */
    private org.apache.camel.Message camelMessage(Exchange exchange, Message jms) throws JMSException {
        DefaultMessage message = new DefaultMessage(exchange);
        message.setHeaders(binding.extractHeadersFromJms(jms, exchange));
        message.setBody(binding.extractBodyFromJms(exchange, jms));
        message.setPayloadForTrait(MessageTrait.REDELIVERY, JmsMessageHelper.evalRedeliveryMessageTrait(jms));
        if (jms.getJMSRedelivered()) {
            // how often the broker has delivered it, for a route that gives up on an event itself
            message.setHeader(DELIVERY_COUNT, jms.getIntProperty(DELIVERY_COUNT));
        }
        return message;
    }

    private void processGroup(List<Message> group, JmsResourceHolder transaction)
            throws RouteFailure, JMSException {
        if (!group.isEmpty()) {
            process(List.copyOf(group), transaction);
            group.clear();
        }
    }

    /**
     * Runs one event through the route, or in grouped mode one exchange whose body is the
     * group's messages; its sends join {@code transaction} when there is one.
     */
    private void process(List<Message> messages, JmsResourceHolder transaction)
            throws RouteFailure, JMSException {
        Exchange exchange = createExchange(false);
        if (endpoint.grouped()) {
            List<org.apache.camel.Message> body = new ArrayList<>(messages.size());
            for (Message message : messages) {
                body.add(camelMessage(exchange, message));
            }
            exchange.getIn().setBody(body);
        } else {
            exchange.setIn(camelMessage(exchange, messages.get(0)));
        }
        Object key = endpoint.getComponent().sendersFactory();
        if (transaction != null) {
            TransactionSynchronizationManager.bindResource(key, transaction);
        }
        try {
            getProcessor().process(exchange);
        } catch (Exception failure) {
            exchange.setException(failure);
        } finally {
            if (transaction != null) {
                TransactionSynchronizationManager.unbindResource(key);
            }
        }
        Exception failure = exchange.getException();
        boolean rollbackOnly = exchange.isRollbackOnly();
        releaseExchange(exchange, false);
        if (failure != null || rollbackOnly) {
            throw new RouteFailure(failure != null ? failure : new IllegalStateException("the route rolled it back"));
        }
    }

    private void pause() {
        try {
            stopped.await(RECOVERY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (JMSException closing) {
            LOG.debug("Closing a batch consumer's connection", closing);
        }
    }

    /** The route could not handle an event; the batch goes back to the broker. */
    private static final class RouteFailure extends Exception {
        private static final long serialVersionUID = 1L;

        RouteFailure(Exception cause) {
            super(cause);
        }
    }
}
