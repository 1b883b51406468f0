package org.atalaya.security.soap;

/**
 * A SOAP service published under the hub's CXF servlet ({@code /api}) by
 * {@link org.atalaya.security.rest.Endpoints#publishSoap(String, Object)}, on a bus of its own,
 * so that a connector publishes and withdraws it without touching any other endpoint.
 */
public interface SoapEndpoint extends AutoCloseable {

    /** Withdraws the service: its address answers no more calls. */
    @Override
    void close();
}
