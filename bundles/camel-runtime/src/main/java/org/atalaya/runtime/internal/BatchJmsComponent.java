package org.atalaya.runtime.internal;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code jms-batch:}: consumes a queue or a shared durable topic subscription in batches, each
 * batch in one local JMS transaction, and lets the route's {@code jms:} sends join that
 * transaction. What a batch of events produced is on the broker, and the events are off their
 * queue, after one commit: one journal sync for the batch instead of two for every event.
 *
 * <ul>
 * <li>{@code jms-batch:queue:<name>[?consumers=2&batchSize=200]}</li>
 * <li>{@code jms-batch:topic:<address>?subscription=<name>[&consumers=2&batchSize=200]}</li>
 * </ul>
 * {@code grouped=true} hands the route a whole batch as one exchange, its body the list of
 * messages.
 *
 * See {@link BatchJmsConsumer} for how a batch is formed, committed and, when it fails, retried.
 *
 * <p>Sent to, a {@code jms-batch:queue:} takes a whole batch of events as one exchange,
 * its body the list of their Camel messages, and puts them on the broker in one transaction
 * ({@link BatchJmsProducer}): what an agency or a device posts many of at once. While the broker
 * holds senders back for lack of disk, such a batch is refused at once
 * ({@link org.atalaya.runtime.BrokerFull}) rather than left waiting.
 */
final class BatchJmsComponent extends DefaultComponent {

    static final String SCHEME = "jms-batch";
    private static final Pattern GROUPED = Pattern.compile("[?&]grouped=true(&|$)");

    private final ConnectionFactory connections;
    private final ConnectionFactory sendersFactory;
    private final BooleanSupplier brokerDiskFull;

    /**
     * @param connections    makes the consumers' own connections
     * @param sendersFactory the connection factory the {@code jms} component sends with; a send
     *                       made with it while a batch is processed joins the batch's transaction
     * @param brokerDiskFull whether the broker holds senders back now for lack of disk: a batch
     *                       sent then is refused at once ({@link org.atalaya.runtime.BrokerFull})
     */
    BatchJmsComponent(ConnectionFactory connections, ConnectionFactory sendersFactory, BooleanSupplier brokerDiskFull) {
        this.connections = connections;
        this.sendersFactory = sendersFactory;
        this.brokerDiskFull = brokerDiskFull;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        int colon = remaining.indexOf(':');
        String kind = colon < 0 ? "" : remaining.substring(0, colon);
        String name = colon < 0 ? "" : remaining.substring(colon + 1);
        if (!kind.equals("queue") && !kind.equals("topic") || name.isEmpty()) {
            throw new IllegalArgumentException("'" + remaining + "': expected " + SCHEME + ":queue:<name> or " + SCHEME
                    + ":topic:<address>?subscription=<name>");
        }
        String subscription = getAndRemoveParameter(parameters, "subscription", String.class);
        if (kind.equals("topic") == (subscription == null || subscription.isBlank())) {
            throw new IllegalArgumentException("'" + remaining + "': a topic is consumed through a named durable subscription,"
                    + " a queue without one");
        }
        int consumers = getAndRemoveParameter(parameters, "consumers", Integer.class, 2);
        int batchSize = getAndRemoveParameter(parameters, "batchSize", Integer.class, 200);
        boolean grouped = getAndRemoveParameter(parameters, "grouped", Boolean.class, false);
        if (consumers < 1 || batchSize < 1) {
            throw new IllegalArgumentException("'" + remaining + "': consumers and batchSize must be at least 1");
        }
        return new BatchJmsEndpoint(uri, this, kind.equals("topic"), name, subscription, consumers, batchSize,
                grouped);
    }

    ConnectionFactory connections() {
        return connections;
    }

    ConnectionFactory sendersFactory() {
        return sendersFactory;
    }

    boolean brokerDiskFull() {
        return brokerDiskFull.getAsBoolean();
    }

    /** Whether {@code uri} is a {@code jms-batch} endpoint that hands its route whole batches. */
    static boolean grouped(String uri) {
        return uri != null && uri.startsWith(SCHEME + ":") && GROUPED.matcher(uri).find();
    }
}
