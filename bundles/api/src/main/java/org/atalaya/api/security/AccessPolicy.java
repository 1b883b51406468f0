package org.atalaya.api.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The hub's authorisation policy: which agency a caller acts for, and whether it may do what it
 * asks. It denies whatever it does not grant, and a consultation of personal data needs a
 * purpose the agency may give (and a case reference when the purpose requires one).
 */
public interface AccessPolicy {

    /** The agency that members of these roles act for, if exactly one claims them. */
    Optional<Agency> agencyOfRoles(Set<String> roles);

    /** The agency a client certificate with this subject acts for. */
    Optional<Agency> agencyOfCertificate(String subject);

    Optional<Agency> agency(String name);

    Collection<Agency> agencies();

    /**
     * Decides a call.
     *
     * @param caller        who, authenticated
     * @param data          the data class the call uses
     * @param access        what it does with it
     * @param purpose       the purpose given, or {@code null}
     * @param caseReference the case reference given, or {@code null}
     */
    Decision decide(Caller caller, DataClass data, Access access, String purpose, String caseReference);

    /** Whether a consultation for this purpose must name its case. */
    boolean caseRequired(String purpose);
}
