package org.atalaya.simulators.registry.internal;

import java.net.URI;
import java.util.Map;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.atalaya.registry.v1.VehicleRegistryService;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated ministry's web server: the vehicle registry endpoint published on a CXF bus of its
 * own and served by CXF's servlet in a Jetty of its own, on its own port, as the ministry's service
 * is somewhere else than the hub. The endpoint is described by the contract's WSDL, which it serves
 * at {@code ?wsdl}.
 *
 * <p>"Down" is the listening socket closed, with the connections open on it, so that callers see
 * what they would of a ministry whose server is off: connection refused. It opens again on the
 * same port.
 */
final class RegistryServer implements AutoCloseable {

    static final String PATH = "/vehicle-registry/v1";
    static final String THREAD_NAME = "atalaya-simulator-registry";

    private static final Logger LOG = LoggerFactory.getLogger(RegistryServer.class);

    private final Bus bus;
    private final Server endpoint;
    private final org.eclipse.jetty.server.Server jetty;
    private final ServerConnector connector;
    private final URI address;
    private boolean down;

    private RegistryServer(Bus bus, Server endpoint, org.eclipse.jetty.server.Server jetty, ServerConnector connector,
            URI address) {
        this.bus = bus;
        this.endpoint = endpoint;
        this.jetty = jetty;
        this.connector = connector;
        this.address = address;
    }

    /**
     * Serves {@code implementor} at {@code http://host:port/vehicle-registry/v1}, its callers
     * checked by {@code login}.
     *
     * @param port 0 for any free port, kept while the server is down and up again
     */
    static RegistryServer start(String host, int port, VehicleRegistryEndpoint implementor, UsernameTokenCheck login)
            throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // CXF finds its bus extensions, and JAXB its implementation, through the context class loader
        thread.setContextClassLoader(RegistryServer.class.getClassLoader());
        Bus bus = BusFactory.newInstance().createBus();
        Server endpoint = null;
        org.eclipse.jetty.server.Server jetty = null;
        try {
            JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress(PATH);
            factory.setServiceClass(VehicleRegistryEndpoint.class);
            factory.setServiceBean(implementor);
            factory.setWsdlURL(VehicleRegistryService.WSDL_LOCATION.toExternalForm());
            factory.setServiceName(VehicleRegistryService.SERVICE);
            factory.setEndpointName(VehicleRegistryService.VehicleRegistryPort);
            // refusals and declared faults are answers here, not errors to log with a stack trace
            factory.setProperties(Map.of(FaultListener.class.getName(),
                    (FaultListener) (fault, description, message) -> false));
            factory.getInInterceptors().add(login);
            endpoint = factory.create();

            QueuedThreadPool threads = new QueuedThreadPool(16, 2);
            threads.setName(THREAD_NAME);
            threads.setDaemon(true);
            jetty = new org.eclipse.jetty.server.Server(threads);
            ServerConnector connector = new ServerConnector(jetty, 1, 1);
            connector.setHost(host);
            connector.setPort(port);
            jetty.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
            context.setContextPath("/");
            CXFNonSpringServlet servlet = new CXFNonSpringServlet();
            servlet.setBus(bus);
            ServletHolder holder = new ServletHolder("vehicle-registry", servlet);
            holder.setInitParameter("hide-service-list-page", "true");
            context.addServlet(holder, "/*");
            jetty.setHandler(context);
            jetty.start();
            // a port chosen by the system is kept, so that the server comes back up where it was
            connector.setPort(connector.getLocalPort());
            String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + connector.getLocalPort();
            return new RegistryServer(bus, endpoint, jetty, connector, URI.create("http://" + authority + PATH));
        } catch (Exception | Error failed) {
            if (jetty != null) {
                jetty.stop();
            }
            if (endpoint != null) {
                endpoint.destroy();
            }
            bus.shutdown(false);
            throw failed;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    URI address() {
        return address;
    }

    /** Closes the listening socket and the connections on it, or opens it again. */
    synchronized void down(boolean closed) {
        if (closed == down) {
            return;
        }
        try {
            if (closed) {
                connector.stop();
            } else {
                connector.start();
            }
            down = closed;
        } catch (Exception e) {
            throw new IllegalStateException("the simulator could not " + (closed ? "close" : "open again") + " "
                    + address, e);
        }
    }

    synchronized boolean isDown() {
        return down;
    }

    /** Stops serving; a Jetty that does not stop cleanly is logged, and the rest still closed. */
    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("Interior Ministry simulator's web server at {} did not stop cleanly", address, e);
        } finally {
            try {
                endpoint.destroy();
            } finally {
                bus.shutdown(true);
            }
        }
    }
}
