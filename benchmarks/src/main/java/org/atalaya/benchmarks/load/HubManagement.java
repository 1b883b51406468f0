package org.atalaya.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The hub's JVM and broker as its management (JMX) shows them to an administrator: the heap in
 * use, a garbage collection on demand (so that what the heap retains can be compared, not what it
 * has not collected yet), and the broker's addresses (so that a message steered somewhere it
 * should not go leaves a trace).
 */
final class HubManagement implements AutoCloseable {

    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final MemoryMXBean memory;

    HubManagement(Hub hub) throws IOException {
        this.connector = JMXConnectorFactory.connect(new JMXServiceURL(hub.jmxUrl()),
                Map.of(JMXConnector.CREDENTIALS, new String[] {"admin", hub.password("admin")}));
        this.server = connector.getMBeanServerConnection();
        this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
    }

    /** Heap in use now, in bytes, garbage included. */
    long heapUsed() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The heap the hub retains: in use right after a full collection, in bytes. */
    long heapRetained() {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The largest heap the hub's JVM may grow to, in bytes. */
    long heapMax() {
        return memory.getHeapMemoryUsage().getMax();
    }

    /** The names of the broker's addresses now. */
    Set<String> addresses() throws IOException {
        Set<String> names = new TreeSet<>();
        try {
            for (ObjectName name : server.queryNames(
                    new ObjectName("org.apache.activemq.artemis:component=addresses,*"), null)) {
                if (name.getKeyProperty("subcomponent") == null && name.getKeyProperty("address") != null) {
                    String address = name.getKeyProperty("address");
                    names.add(address.startsWith("\"") ? ObjectName.unquote(address) : address);
                }
            }
        } catch (MalformedObjectNameException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
        return names;
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
