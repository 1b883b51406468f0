package org.atalaya.biometricguard.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Atalaya biometric guard",
        description = "Face-recognition matches only under a judicial authorisation (AI Act art. 5(1)(h)): held,"
                + " delivered pending verification, confirmed by distinct people, purged on refusal.")
public @interface BiometricGuardConfiguration {

    @AttributeDefinition(description = "How long a match no authorisation covers is kept waiting for one, in"
            + " minutes (1 to 60); then it is deleted.")
    int holdWindowMinutes() default 10;

    @AttributeDefinition(description = "How long an urgent request delivers matches before it must be granted, in"
            + " hours (1 to 24, the AI Act's limit); an urgent request not granted by then lapses as refused.")
    int urgentHours() default 24;

    @AttributeDefinition(description = "The agency matches are delivered to, and whose people confirm them.")
    String recipient() default "national-police";

    @AttributeDefinition(description = "The agency that registers, grants and refuses authorisations.")
    String judicialAuthority() default "justice";

    @AttributeDefinition(description = "How many distinct people of the recipient must confirm a match before it"
            + " may be acted upon (at least 2).")
    int confirmationsRequired() default 2;

    @AttributeDefinition(description = "Matches taken off atalaya.in.face in parallel.")
    int consumers() default 1;

    @AttributeDefinition(description = "How often deadlines are applied (held matches deleted, urgent requests"
            + " lapsed), in seconds; every call applies them too.")
    int sweepSeconds() default 30;
}
