package org.atalaya.correlation.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.anpr.PlateReadRepository;
import org.atalaya.api.messaging.Addresses;
import org.atalaya.runtime.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores matched reads in batches: one transacted session takes messages off
 * {@code atalaya.archive.anpr}, each a read or a JSON array of reads (the correlation sends the
 * reads of a batch it matched as arrays), until it holds about a batch of reads, writes them in
 * one database transaction and only then commits the session. A read stored already (a
 * redelivery, a repeated message) is not stored again. A database failure rolls the batch back
 * onto the queue; a message, or an element of an array, that is not a read goes to the
 * dead-letter address with its reason in the same transaction ({@link InboundReads} reads both
 * queues' messages).
 */
final class ReadArchiver implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadArchiver.class);
    private static final long FIRST_WAIT_MILLIS = 1000;
    private static final long NEXT_WAIT_MILLIS = 20;
    private static final long RETRY_MILLIS = 2000;

    private final ConnectionFactory connectionFactory;
    private final PlateReadRepository reads;
    private final UnaryOperator<String> plateKey;
    private final int batchSize;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile Connection connection;

    ReadArchiver(ConnectionFactory connectionFactory, PlateReadRepository reads, UnaryOperator<String> plateKey,
            int batchSize) {
        this.connectionFactory = connectionFactory;
        this.reads = reads;
        this.plateKey = plateKey;
        this.batchSize = batchSize;
    }

    @Override
    public void run() {
        while (stop.getCount() > 0) {
            try (Connection opened = connectionFactory.createConnection()) {
                connection = opened;
                Session session = opened.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(session.createQueue(Addresses.ANPR_ARCHIVE));
                MessageProducer deadLetters = session.createProducer(session.createQueue(Addresses.DEAD_LETTERS));
                opened.start();
                while (stop.getCount() > 0) {
                    archiveBatch(session, consumer, deadLetters);
                }
            } catch (JMSException | RuntimeException failure) {
                if (stop.getCount() > 0) {
                    LOG.warn("Read archive interrupted, retrying in {} ms: {}", RETRY_MILLIS, failure.toString());
                    pause();
                }
            } finally {
                connection = null;
            }
        }
    }

    private void archiveBatch(Session session, MessageConsumer consumer, MessageProducer deadLetters)
            throws JMSException {
        Message message = consumer.receive(FIRST_WAIT_MILLIS);
        if (message == null) {
            return;
        }
        List<PlateRead> batch = new ArrayList<>(batchSize);
        while (message != null) {
            InboundReads carried = InboundReads.of(text(message));
            for (InboundReads.Carried read : carried.reads()) {
                batch.add(read.read());
            }
            for (InboundReads.Refused refused : carried.refused()) {
                TextMessage dead = session.createTextMessage(refused.json());
                for (Map.Entry<String, String> header : DeadLetter.headers(refused.reason(), refused.failure(),
                        "anpr-archive", Addresses.ANPR_ARCHIVE).entrySet()) {
                    dead.setStringProperty(header.getKey(), header.getValue());
                }
                deadLetters.send(dead);
            }
            message = batch.size() < batchSize ? consumer.receive(NEXT_WAIT_MILLIS) : null;
        }
        try {
            int stored = reads.save(batch, plateKey);
            session.commit();
            LOG.debug("Archived {} reads ({} new)", batch.size(), stored);
        } catch (RuntimeException databaseFailure) {
            session.rollback();
            LOG.warn("Could not store {} reads; they stay on {} and are retried: {}", batch.size(),
                    Addresses.ANPR_ARCHIVE, databaseFailure.toString());
            pause();
        }
    }

    private static String text(Message message) throws JMSException {
        return message instanceof TextMessage textMessage ? textMessage.getText()
                : new String(message.getBody(byte[].class), StandardCharsets.UTF_8);
    }

    /** Stops the loop and closes the connection, which ends a blocked receive. */
    void stop() {
        stop.countDown();
        Connection current = connection;
        if (current != null) {
            try {
                current.close();
            } catch (JMSException closing) {
                LOG.debug("Closing the archive connection", closing);
            }
        }
    }

    private void pause() {
        try {
            stop.await(RETRY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stop.countDown();
        }
    }
}
