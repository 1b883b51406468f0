package org.atalaya.runtime;

import java.util.Arrays;
import java.util.List;

import jakarta.jms.JMSException;
import jakarta.jms.Topic;

/**
 * The MQTT topic filter a device family publishes on, with exactly one single-level wildcard
 * {@code +} standing for the device's id ({@code atalaya/sensors/+/readings},
 * {@code atalaya/anpr/+/reads}). On the broker an MQTT topic
 * {@code a/b/c} is the multicast address {@code a.b.c}, so the filter is consumed as the wildcard
 * address {@code atalaya.sensors.*.readings}, and the device id is read back from the address
 * each message was published to.
 */
public final class DeviceTopic {

    private final String filter;
    private final List<String> levels;
    private final int deviceLevel;

    /** @throws IllegalArgumentException when the filter has not exactly one {@code +} */
    public DeviceTopic(String filter) {
        this.filter = filter;
        this.levels = Arrays.asList(filter.split("/", -1));
        int plus = levels.indexOf("+");
        if (plus < 0 || levels.lastIndexOf("+") != plus || filter.contains("#") || filter.contains(".")
                || levels.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("topic filter '" + filter
                    + "' must have exactly one '+' for the device id, no '#', no '.' and no empty level");
        }
        this.deviceLevel = plus;
    }

    /** The broker address that matches every sensor's topic. */
    public String address() {
        return String.join(".", levels).replace("+", "*");
    }

    /**
     * The Camel endpoint a connector consumes what devices publish on this filter from: a durable
     * shared subscription, so that what they publish while the connector is not deployed waits
     * for it, consumed in batches, each in one local JMS transaction that the route's
     * {@code jms:} sends join ({@code jms-batch:}, see the runtime's README).
     *
     * @param subscription the subscription's name (its queue in {@code etc/artemis.xml})
     * @param consumers    how many batches are processed in parallel
     */
    public String subscriptionEndpoint(String subscription, int consumers) {
        return "jms-batch:topic:" + address() + "?subscription=" + subscription + "&consumers=" + consumers;
    }

    /**
     * The device id in an address this filter matched, or {@code null} when the address does
     * not match (it cannot come from a device publishing as the filter says).
     */
    public String deviceOf(String address) {
        if (address == null) {
            return null;
        }
        String[] parts = address.split("\\.", -1);
        if (parts.length != levels.size()) {
            return null;
        }
        for (int i = 0; i < parts.length; i++) {
            if (i != deviceLevel && !parts[i].equals(levels.get(i))) {
                return null;
            }
        }
        return parts[deviceLevel];
    }

    /**
     * The device id of a consumed message, from its {@code JMSDestination} header (a JMS topic or
     * its name), or {@code null} when that is not an address this filter matches.
     */
    public String deviceOfDestination(Object destination) throws JMSException {
        if (destination instanceof Topic published) {
            return deviceOf(published.getTopicName());
        }
        return destination instanceof String address ? deviceOf(address) : null;
    }

    @Override
    public String toString() {
        return filter;
    }
}
