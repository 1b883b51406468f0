package org.atalaya.audit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The audit log's REST endpoint, PID {@code org.atalaya.audit.rest}. */
@ObjectClassDefinition(
        name = "Atalaya audit REST endpoint",
        description = "Where the data-protection officer searches, verifies and exports the audit log.")
public @interface AuditEndpointConfiguration {

    @AttributeDefinition(description = "Address under the hub's CXF servlet: /v1/audit is served at /api/v1/audit.")
    String restAddress() default "/v1/audit";
}
