package org.atalaya.runtime.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.atalaya.api.messaging.EventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.JmsResourceHolder;

/**
 * A batch consumer's transacted session as the route's {@code jms:} sends see it.
 * <ul>
 * <li>The broker checks a send's duplicate id against what earlier transactions committed, not
 * against the sends of the transaction still open, so two events with the same id in one batch
 * would both go out; this session sends the first and drops the second, as the broker would
 * have across transactions.</li>
 * <li>The senders open a producer for every message, and the client asks the broker about the
 * destination each time (two round trips, which under load cost more than the send). This
 * session keeps each destination's producer for its lifetime; closing it leaves it open. The
 * destinations themselves the session caches already (the hub's connection factory caches
 * destinations).</li>
 * </ul>
 */
final class BatchTransaction {

    private static final Logger LOG = LoggerFactory.getLogger(BatchTransaction.class);
    private final Session session;
    private final JmsResourceHolder holder;
    /** Destination and duplicate id of every send in the open transaction. */
    private final Set<String> sent = new HashSet<>();
    private final Map<Destination, MessageProducer> producers = new HashMap<>();

    BatchTransaction(ConnectionFactory sendersFactory, Connection connection, Session session) {
        this.session = session;
        Session seen = (Session) Proxy.newProxyInstance(BatchTransaction.class.getClassLoader(),
                new Class<?>[] {Session.class}, this::onSession);
        this.holder = new JmsResourceHolder(sendersFactory, connection, seen);
    }

    /** What to bind as the senders' transaction while an event of the batch is processed. */
    JmsResourceHolder holder() {
        return holder;
    }

    void commit() throws JMSException {
        sent.clear();
        session.commit();
    }

    void rollback() throws JMSException {
        sent.clear();
        session.rollback();
    }

    /**
     * Rolls back a transaction that is rolled back already (the broker refused its commit) or
     * whose connection may be gone; a failure here only says so.
     */
    void rollbackQuietly() {
        try {
            rollback();
        } catch (JMSException alreadyRolledBackOrGone) {
            LOG.debug("Rolling back a batch", alreadyRolledBackOrGone);
        }
    }

    private Object onSession(Object proxy, Method method, Object[] args) throws Throwable {
        // the senders find their session in the holder by equality: a proxy is equal to itself only
        if (method.getName().equals("equals") && args != null && args.length == 1) {
            return proxy == args[0];
        }
        if (method.getName().equals("hashCode") && args == null) {
            return System.identityHashCode(proxy);
        }
        if (method.getName().equals("createProducer") && args != null && args.length == 1
                && args[0] instanceof Destination to) {
            MessageProducer producer = producers.get(to);
            if (producer == null) {
                MessageProducer created = session.createProducer(to);
                producer = (MessageProducer) Proxy.newProxyInstance(BatchTransaction.class.getClassLoader(),
                        new Class<?>[] {MessageProducer.class},
                        (producerProxy, producerMethod, producerArgs) -> onProducer(created, producerMethod,
                                producerArgs));
                producers.put(to, producer);
            }
            return producer;
        }
        return invoke(session, method, args);
    }

    private Object onProducer(MessageProducer producer, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("close")) {
            return null;
        }
        if (method.getName().equals("send") && args != null) {
            Destination destination = producer.getDestination();
            Message message = null;
            for (Object arg : args) {
                if (arg instanceof Destination given) {
                    destination = given;
                } else if (arg instanceof Message sending) {
                    message = sending;
                }
            }
            String id = message == null ? null : duplicateId(message);
            if (id != null && !sent.add(destination + "\u0000" + id)) {
                return null;
            }
        }
        return invoke(producer, method, args);
    }

    private static String duplicateId(Message message) throws JMSException {
        Object id = message.getObjectProperty(EventHeaders.DUPLICATE_ID);
        if (id instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return id == null ? null : id.toString();
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException failure) {
            throw failure.getCause();
        }
    }
}
