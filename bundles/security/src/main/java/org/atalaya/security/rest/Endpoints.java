package org.atalaya.security.rest;

import java.util.List;

/**
 * Publishes a connector's REST resources under the hub's CXF servlet ({@code /api}), behind the
 * gate every agency endpoint has: authentication against the hub's realm, the access policy on
 * each method's {@link Consults}, the purpose of each consultation of personal data, the audit
 * record of each call, and errors as problem details.
 */
public interface Endpoints {

    /**
     * @param address   relative to the servlet: {@code /v1/anpr} is served at {@code /api/v1/anpr}
     * @param resources the JAX-RS resource objects; each method must carry {@link Consults}
     * @param providers further JAX-RS providers, if any
     * @return the endpoint, to {@link RestEndpoint#close() close} when the connector stops
     */
    RestEndpoint publish(String address, List<Object> resources, List<Object> providers);
}
