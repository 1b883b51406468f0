package org.atalaya.security.soap.internal;

import java.net.InetSocketAddress;
import java.net.URI;

import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * A published endpoint served as the hub serves it: CXF's servlet under {@code /api} in Jetty
 * (the web container of Karaf's pax-web), on a local port.
 */
final class ServedEndpoint implements AutoCloseable {

    private final SoapPublication endpoint;
    private final Server jetty;
    private final URI api;

    private ServedEndpoint(SoapPublication endpoint, Server jetty, URI api) {
        this.endpoint = endpoint;
        this.jetty = jetty;
        this.api = api;
    }

    static ServedEndpoint serve(SoapPublication endpoint) throws Exception {
        Server jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        CXFNonSpringServlet servlet = new CXFNonSpringServlet();
        servlet.setBus(endpoint.bus());
        context.addServlet(new ServletHolder(servlet), "/api/*");
        jetty.setHandler(context);
        try {
            jetty.start();
        } catch (Exception failed) {
            endpoint.close();
            throw failed;
        }
        int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
        return new ServedEndpoint(endpoint, jetty, URI.create("http://127.0.0.1:" + port + "/api"));
    }

    SoapPublication endpoint() {
        return endpoint;
    }

    /** Where {@code address} (relative to the servlet) is served. */
    URI at(String address) {
        return URI.create(api + address);
    }

    @Override
    public void close() throws Exception {
        try {
            jetty.stop();
        } finally {
            endpoint.close();
        }
    }
}
