package org.atalaya.security.policy.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One agency (or device family) of the access policy: a factory configuration, one file per
 * agency ({@code etc/org.atalaya.agency-local-police.cfg}). Whatever no agency is granted, no
 * one may do.
 */
@ObjectClassDefinition(
        name = "Atalaya agency",
        description = "Who acts for an agency, and which data classes and purposes it may use.")
public @interface AgencyConfiguration {

    @AttributeDefinition(description = "The agency's id: local-police, justice, anpr-cameras...")
    String name();

    @AttributeDefinition(description = "Realm roles (groups of etc/users.properties) whose members act for it.")
    String[] roles() default {};

    @AttributeDefinition(description = "Client-certificate subjects (distinguished names, as in the certificate)"
            + " that act for it over mutual TLS; separate several with a semicolon.")
    String certificates() default "";

    @AttributeDefinition(description = "Data classes it may consult: plate-reads, hits, hotlist, face-matches, fire,"
            + " sensors, evidence, audit, devices.")
    String[] read() default {};

    @AttributeDefinition(description = "Data classes it may add to, change or send in.")
    String[] write() default {};

    @AttributeDefinition(description = "Purposes it may give for a consultation of personal data.")
    String[] purposes() default {};
}
