package org.atalaya.api.security;

import java.util.Set;

/**
 * Who is calling, once authenticated.
 *
 * @param person the account or certificate subject: the person (or device) where known
 * @param roles  the realm roles of the account
 * @param agency the agency it acts for, or {@code null} when none of the policy's agencies claims it
 */
public record Caller(String person, Set<String> roles, String agency) {

    public Caller {
        roles = Set.copyOf(roles);
    }
}
