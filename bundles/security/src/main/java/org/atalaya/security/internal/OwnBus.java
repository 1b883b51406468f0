package org.atalaya.security.internal;

import java.util.function.Function;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An endpoint under the hub's CXF servlet on a bus of its own, so that a connector publishes and
 * withdraws it without touching any other endpoint. The bus is made with this bundle as the
 * context class loader, where CXF finds its extensions; closing destroys the server and the bus.
 *
 * <p>The bus also names that class loader as its own: CXF's servlet makes it the context class
 * loader of each call. A bus without one has the servlet look it up as the resource {@code ""}
 * at every call: it finds nothing, and Felix builds an exception, stack trace and all, to say so
 * (a twentieth of a REST call's CPU, BENCHMARKS.md).
 */
public final class OwnBus implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OwnBus.class);

    private final Bus bus;
    private final Server server;
    private final String name;

    private OwnBus(Bus bus, Server server, String name) {
        this.bus = bus;
        this.server = server;
        this.name = name;
    }

    /**
     * @param name   what the log calls it: {@code REST endpoint at /v1}
     * @param create makes the server on the bus it is given
     */
    public static OwnBus publish(String name, Function<Bus, Server> create) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(OwnBus.class.getClassLoader());
        Bus bus = BusFactory.newInstance().createBus();
        bus.setExtension(OwnBus.class.getClassLoader(), ClassLoader.class);
        try {
            Server server = create.apply(bus);
            LOG.info("{} published", name);
            return new OwnBus(bus, server, name);
        } catch (RuntimeException failed) {
            bus.shutdown(false);
            throw failed;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public Bus bus() {
        return bus;
    }

    @Override
    public void close() {
        try {
            server.destroy();
        } finally {
            bus.shutdown(true);
            LOG.info("{} withdrawn", name);
        }
    }
}
