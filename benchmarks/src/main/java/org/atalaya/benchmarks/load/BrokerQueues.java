package org.atalaya.benchmarks.load;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The depth of the hub's broker queues, read over the hub's JMX management as an administrator
 * reads it: how many reads wait at each step of the ANPR path. The reads a run sent are processed
 * end to end when every one is empty.
 */
public final class BrokerQueues implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerQueues.class);

    /** The ANPR path's queues, in the order a read crosses them. */
    public static final String[] ANPR_PATH = {"atalaya-anpr-cameras", "atalaya.in.anpr", "atalaya.lookups.anpr",
        "atalaya.archive.anpr", "local-police", "national-police"};

    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final Map<String, ObjectName> queues = new HashMap<>();

    public BrokerQueues(Hub hub) throws IOException {
        this.connector = JMXConnectorFactory.connect(new JMXServiceURL(hub.jmxUrl()),
                Map.of(JMXConnector.CREDENTIALS, new String[] {"admin", hub.password("admin")}));
        this.server = connector.getMBeanServerConnection();
    }

    /** Messages in {@code queue} now (the broker's MessageCount: waiting and being delivered). */
    public long depth(String queue) throws IOException, JMException {
        ObjectName name = queues.get(queue);
        if (name == null) {
            Set<ObjectName> found = server.queryNames(new ObjectName("org.apache.activemq.artemis:*,"
                    + "component=addresses,subcomponent=queues,queue=\"" + queue + "\""), null);
            if (found.isEmpty()) {
                throw new IllegalStateException("no queue " + queue + " on the hub's broker");
            }
            name = found.iterator().next();
            queues.put(queue, name);
        }
        return ((Number) server.getAttribute(name, "MessageCount")).longValue();
    }

    /**
     * Messages waiting before their reads are matched: the cameras' publishes on their
     * subscription, and on {@code atalaya.in.anpr} the connector's batches, each a JSON array of
     * reads. What a hit read now would queue behind.
     */
    public long unmatchedMessages() throws IOException, JMException {
        return depth(ANPR_PATH[0]) + depth(ANPR_PATH[1]);
    }

    /** Messages waiting along the ANPR path. */
    public long anprBacklog() throws IOException, JMException {
        long total = 0;
        for (String queue : ANPR_PATH) {
            total += depth(queue);
        }
        return total;
    }

    /** Each ANPR path queue's depth, in path order: where a backlog sits. */
    public String anprDepths() throws IOException, JMException {
        StringBuilder depths = new StringBuilder();
        for (String queue : ANPR_PATH) {
            depths.append(depths.length() == 0 ? "" : ", ").append(queue).append(' ')
                    .append(String.format(Locale.ROOT, "%,d", depth(queue)));
        }
        return depths.toString();
    }

    /**
     * Closes the JMX connection. Closing calls the hub back over RMI, which can be refused when
     * the hub's JMX is going away; the figures are taken by then, so that does not fail the run.
     */
    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException refused) {
            LOG.warn("Closing the JMX connection to the hub: {}", refused.toString());
        }
    }
}
