package org.atalaya.audit.internal;

import java.util.List;

import org.atalaya.api.audit.AuditLog;
import org.atalaya.security.rest.Endpoints;
import org.atalaya.security.rest.RestEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Publishes {@link AuditResource} behind the hub's gate, which lets only the data-protection
 * officer read the {@code audit} data class; a changed address applies at once.
 */
@Component(immediate = true, configurationPid = AuditEndpoint.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AuditEndpointConfiguration.class)
public class AuditEndpoint {

    static final String PID = "org.atalaya.audit.rest";

    @Reference
    Endpoints endpoints;

    @Reference
    AuditLog log;

    private RestEndpoint endpoint;

    @Activate
    synchronized void activate(AuditEndpointConfiguration config) {
        endpoint = endpoints.publish(address(config.restAddress()), List.of(new AuditResource(log)), List.of());
    }

    @Modified
    synchronized void modified(AuditEndpointConfiguration config) {
        deactivate();
        activate(config);
    }

    @Deactivate
    synchronized void deactivate() {
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
    }

    private static String address(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalArgumentException("restAddress must not be blank");
        }
        String address = configured.strip();
        return address.startsWith("/") ? address : "/" + address;
    }
}
