package org.atalaya.security.rest;

import java.util.List;

import org.atalaya.security.soap.SoapEndpoint;

/**
 * Publishes a connector's REST resources and SOAP services under the hub's CXF servlet
 * ({@code /api}), behind the gate every agency endpoint has: authentication against the hub's
 * realm, the access policy on each method's {@link Consults}, the purpose of each consultation
 * of personal data, the audit record of each call, and errors as problem details (REST) or SOAP
 * faults.
 */
public interface Endpoints {

    /**
     * @param address   relative to the servlet: {@code /v1/anpr} is served at {@code /api/v1/anpr}
     * @param resources the JAX-RS resource objects; each method must carry {@link Consults}
     * @param providers further JAX-RS providers, if any
     * @return the endpoint, to {@link RestEndpoint#close() close} when the connector stops
     */
    RestEndpoint publish(String address, List<Object> resources, List<Object> providers);

    /**
     * Publishes a SOAP service (JAX-WS, code first, document/literal): callers authenticate with
     * a WS-Security UsernameToken (PasswordText, over TLS) or a client certificate an agency
     * claims; each operation's {@link Consults} is decided by the policy with the purpose and
     * case reference the request gives in its {@code purpose} and {@code caseReference}
     * parameters; each call is audited. See {@link org.atalaya.security.soap} for the faults.
     *
     * @param address     relative to the servlet: {@code /soap/consultation} is served at
     *                    {@code /api/soap/consultation} (its WSDL at {@code ?wsdl})
     * @param implementor the {@code @WebService} object; each operation must carry {@link Consults}
     * @return the endpoint, to {@link SoapEndpoint#close() close} when the connector stops
     */
    SoapEndpoint publishSoap(String address, Object implementor);
}
