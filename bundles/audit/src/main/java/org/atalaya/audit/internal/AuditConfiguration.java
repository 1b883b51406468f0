package org.atalaya.audit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The audit log's settings, PID {@code org.atalaya.audit}. */
@ObjectClassDefinition(
        name = "Atalaya audit log",
        description = "The consultation and disclosure log: how often it is sealed, and with which key.")
public @interface AuditConfiguration {

    @AttributeDefinition(description = "How often the log is sealed when records were added since the last seal,"
            + " in minutes; it is also sealed when the bundle stops.", min = "1")
    int sealIntervalMinutes() default 5;

    @AttributeDefinition(description = "The hub's Ed25519 signing key, PKCS#8 PEM, relative to ${karaf.etc} unless"
            + " absolute; its public key is the .pub file next to it. Both are generated when the key is missing.")
    String signingKeyFile() default AuditLogComponent.DEFAULT_KEY_FILE;
}
