package org.atalaya.security.rest;

import java.util.ArrayList;
import java.util.List;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A published REST endpoint under the hub's CXF servlet ({@code /api}): its resources behind
 * the {@link Gate} and {@link ProblemMapper}, on a bus of its own, so that a connector publishes
 * and withdraws its endpoint without touching any other. Connectors publish through the
 * {@link Endpoints} service.
 */
public final class RestEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestEndpoint.class);

    private final Bus bus;
    private final Server server;
    private final String address;

    private RestEndpoint(Bus bus, Server server, String address) {
        this.bus = bus;
        this.server = server;
        this.address = address;
    }

    /** Publishes resources at an address relative to the CXF servlet, behind {@code gate}. */
    static RestEndpoint publish(String address, Gate gate, List<Object> resources, List<Object> providers) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RestEndpoint.class.getClassLoader());
        Bus bus = BusFactory.newInstance().createBus();
        try {
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress(address);
            factory.setServiceBeans(new ArrayList<>(resources));
            List<Object> all = new ArrayList<>(providers);
            all.add(gate);
            all.add(new ProblemMapper());
            factory.setProviders(all);
            Server server = factory.create();
            LOG.info("REST endpoint published at {}", address);
            return new RestEndpoint(bus, server, address);
        } catch (RuntimeException failed) {
            bus.shutdown(false);
            throw failed;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        try {
            server.destroy();
        } finally {
            bus.shutdown(true);
            LOG.info("REST endpoint at {} withdrawn", address);
        }
    }
}
