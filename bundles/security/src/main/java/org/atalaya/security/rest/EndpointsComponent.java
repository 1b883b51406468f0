package org.atalaya.security.rest;

import java.util.List;

import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.security.AccessPolicy;
import org.atalaya.security.soap.SoapEndpoint;
import org.atalaya.security.soap.internal.SoapPublication;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link Endpoints} service: every endpoint it publishes stands behind the one policy and
 * writes to the one audit log. Without either, nothing is published at all.
 */
@Component(service = Endpoints.class)
public class EndpointsComponent implements Endpoints {

    @Reference
    private AccessPolicy policy;

    @Reference
    private AuditLog audit;

    @Override
    public RestEndpoint publish(String address, List<Object> resources, List<Object> providers) {
        return RestEndpoint.publish(address, new Gate(policy, audit), resources, providers);
    }

    @Override
    public SoapEndpoint publishSoap(String address, Object implementor) {
        return SoapPublication.publish(address, implementor, policy, audit);
    }
}
