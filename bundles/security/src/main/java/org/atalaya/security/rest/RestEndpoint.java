package org.atalaya.security.rest;

import java.util.ArrayList;
import java.util.List;

import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.atalaya.security.internal.OwnBus;

/**
 * A published REST endpoint under the hub's CXF servlet ({@code /api}): its resources behind
 * the {@link Gate} and {@link ProblemMapper}, on a bus of its own, so that a connector publishes
 * and withdraws its endpoint without touching any other. Connectors publish through the
 * {@link Endpoints} service.
 */
public final class RestEndpoint implements AutoCloseable {

    private final OwnBus endpoint;

    private RestEndpoint(OwnBus endpoint) {
        this.endpoint = endpoint;
    }

    /** Publishes resources at an address relative to the CXF servlet, behind {@code gate}. */
    static RestEndpoint publish(String address, Gate gate, List<Object> resources, List<Object> providers) {
        return new RestEndpoint(OwnBus.publish("REST endpoint at " + address, bus -> {
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress(address);
            factory.setServiceBeans(new ArrayList<>(resources));
            List<Object> all = new ArrayList<>(providers);
            all.add(gate);
            all.add(new ProblemMapper());
            factory.setProviders(all);
            return factory.create();
        }));
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
