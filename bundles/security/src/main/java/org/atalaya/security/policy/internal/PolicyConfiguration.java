package org.atalaya.security.policy.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Atalaya access policy",
        description = "What every agency's grants share: which purposes need a case reference.")
public @interface PolicyConfiguration {

    @AttributeDefinition(description = "Purposes that must name the case they serve (the X-Case-Reference header,"
            + " or the SOAP request's case field).")
    String[] casePurposes() default {"investigation", "judicial-proceedings"};
}
